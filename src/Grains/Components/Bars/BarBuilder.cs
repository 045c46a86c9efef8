using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData.Bars;

namespace AlgoSpace.Grains.Components.Bars;

/// <summary>
/// Builds clock-aligned OHLCV bars from ticks (component-contracts 2.2), for every configured timeframe and for
/// each symbol it sees. Plain logic: no Orleans, no clock, no I/O. Per tick and timeframe:
/// a newer bucket completes the working bar, fills the buckets strictly between with synthetic bars (up to
/// bars.max_gap_fill_bars: a longer gap is reported and left unfilled, so one tick never makes more than that many
/// bars per timeframe, whatever its time) and opens a new bar; the same bucket updates the bar; an older
/// bucket rejects the tick. Bars come out ordered by close time, and on equal close times the shorter
/// timeframe first (5m before 30m), which is the order the indicator engine needs.
/// </summary>
public sealed class BarBuilder
{
    private readonly int[] _timeframes;
    private readonly int _maxGapFillBars;
    private readonly Dictionary<string, SymbolSeries> _symbols = new(StringComparer.Ordinal);
    private static readonly BarTickResult AcceptedNoBars = new(BarTickOutcome.Accepted, [], []);
    private readonly List<BarPayload> _scratchBars = [];
    private readonly List<SkippedGap> _scratchGaps = [];
    private BarCounters _counters = BarCounters.Zero;

    /// <param name="timeframes">Bar lengths in minutes; duplicates are ignored.</param>
    /// <param name="maxGapFillBars">Longest gap filled with synthetic bars; at least 1.</param>
    public BarBuilder(IEnumerable<int> timeframes, int maxGapFillBars)
    {
        _timeframes = timeframes.Distinct().Order().ToArray();
        if (_timeframes.Length == 0 || _timeframes[0] < 1)
        {
            throw new ArgumentException("At least one timeframe, each of one minute or more, is needed.", nameof(timeframes));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxGapFillBars, 1);
        _maxGapFillBars = maxGapFillBars;
    }

    /// <summary>The timeframes built, ascending.</summary>
    public IReadOnlyList<int> Timeframes => _timeframes;

    public BarCounters Counters => _counters;

    /// <summary>Adds one tick; returns the bars it completed (real and synthetic) in emit order.</summary>
    public BarTickResult OnTick(TickPayload tick)
    {
        if (!double.IsFinite(tick.Price) || tick.Price <= 0)
        {
            _counters = _counters with { TicksSkippedBadPrice = _counters.TicksSkippedBadPrice + 1 };
            return BarTickResult.Skipped(BarTickOutcome.SkippedBadPrice);
        }

        var series = Series(tick.Symbol);
        // Checked for every timeframe before any changes, so a rejected tick leaves no trace in any bar.
        if (IsPast(series, tick.Timestamp))
        {
            _counters = _counters with { TicksRejectedPast = _counters.TicksRejectedPast + 1 };
            return BarTickResult.Skipped(BarTickOutcome.RejectedPast);
        }

        // A non-positive volume still counts the tick (price, tick count) but adds no volume.
        var volume = Math.Max(tick.Volume, 0);
        // Scratch lists, reused: most ticks complete no bar, and then the result is a shared empty one.
        var bars = _scratchBars;
        var gaps = _scratchGaps;
        bars.Clear();
        gaps.Clear();
        foreach (var timeframe in series.Timeframes)
        {
            var bucket = BarClock.Floor(tick.Timestamp, timeframe.Minutes);
            if (timeframe.Working is { } working && bucket == working.Timestamp)
            {
                timeframe.Working = working with
                {
                    High = Math.Max(working.High, tick.Price),
                    Low = Math.Min(working.Low, tick.Price),
                    Close = tick.Price,
                    Volume = working.Volume + volume,
                    TickCount = working.TickCount + 1,
                };
                continue;
            }

            if (timeframe.Working is not null) Complete(timeframe, bars);
            if (timeframe.LastCompletedStart is { } completed) FillGap(series.Symbol, timeframe, completed, bucket, bars, gaps);
            timeframe.Working = new BarPayload(series.Symbol, bucket, tick.Price, tick.Price, tick.Price, tick.Price, volume, timeframe.Minutes, 1, false);
        }

        series.LastTickTime = tick.Timestamp;
        _counters = _counters with { TicksAccepted = _counters.TicksAccepted + 1 };
        if (bars.Count == 0 && gaps.Count == 0) return AcceptedNoBars;
        return new BarTickResult(BarTickOutcome.Accepted, InEmitOrder([.. bars]), [.. gaps]);
    }

    /// <summary>
    /// Emits every working bar as it stands (end of data: BACKTEST_COMPLETE). A later tick opens new bars, and
    /// fills the gap from the flushed bars like any other gap.
    /// </summary>
    public IReadOnlyList<BarPayload> Flush()
    {
        var bars = new List<BarPayload>();
        foreach (var series in _symbols.Values)
        {
            foreach (var timeframe in series.Timeframes.Where(t => t.Working is not null))
            {
                Complete(timeframe, bars);
            }
        }

        return InEmitOrder(bars);
    }

    public BarBuilderState SaveState() => new(
        _symbols.Values.OrderBy(s => s.Symbol, StringComparer.Ordinal)
            .Select(s => new SymbolBarState(s.Symbol, s.LastTickTime,
                s.Timeframes.Select(t => new TimeframeBarState(t.Minutes, t.Working, t.LastCompletedStart, t.LastClose)).ToList()))
            .ToList(),
        _counters);

    /// <summary>Restores a saved state. Timeframes that are no longer configured are dropped; new ones start empty.</summary>
    public void RestoreState(BarBuilderState state)
    {
        _symbols.Clear();
        foreach (var saved in state.Symbols)
        {
            var series = Series(saved.Symbol);
            series.LastTickTime = saved.LastTickTime;
            foreach (var timeframe in series.Timeframes)
            {
                if (saved.Timeframes.FirstOrDefault(t => t.Timeframe == timeframe.Minutes) is not { } match) continue;
                timeframe.Working = match.Working;
                timeframe.LastCompletedStart = match.LastCompletedStart;
                timeframe.LastClose = match.LastClose;
            }
        }

        _counters = state.Counters;
    }

    private SymbolSeries Series(string symbol)
    {
        if (!_symbols.TryGetValue(symbol, out var series))
        {
            series = new SymbolSeries(symbol, _timeframes.Select(m => new TimeframeSeries(m)).ToArray());
            _symbols[symbol] = series;
        }

        return series;
    }

    private static bool IsPast(SymbolSeries series, DateTime time)
    {
        if (series.LastTickTime is { } last && time < last) return true;
        foreach (var timeframe in series.Timeframes)
        {
            var bucket = BarClock.Floor(time, timeframe.Minutes);
            if (timeframe.Working is { } working ? bucket < working.Timestamp : bucket <= timeframe.LastCompletedStart) return true;
        }

        return false;
    }

    private void Complete(TimeframeSeries timeframe, List<BarPayload> bars)
    {
        var bar = timeframe.Working!;
        bars.Add(bar);
        timeframe.LastCompletedStart = bar.Timestamp;
        timeframe.LastClose = bar.Close;
        timeframe.Working = null;
        _counters = _counters with { BarsEmitted = _counters.BarsEmitted + 1 };
    }

    /// <summary>Synthetic bars for each bucket strictly between the last completed bar and the new bucket.</summary>
    private void FillGap(string symbol, TimeframeSeries timeframe, DateTime completed, DateTime bucket, List<BarPayload> bars, List<SkippedGap> gaps)
    {
        // Counted, not walked: a gap of years is measured as fast as one of a bar.
        var missing = BarClock.BucketsBetween(completed, bucket, timeframe.Minutes);
        if (missing <= 0) return;
        if (missing > _maxGapFillBars)
        {
            gaps.Add(new SkippedGap(symbol, timeframe.Minutes, completed, bucket, missing));
            _counters = _counters with { GapsSkipped = _counters.GapsSkipped + 1 };
            return;
        }

        var price = timeframe.LastClose ?? throw new InvalidOperationException($"{symbol} {timeframe.Minutes}m has a completed bar but no last close.");
        for (var start = BarClock.Next(completed, timeframe.Minutes); start < bucket; start = BarClock.Next(start, timeframe.Minutes))
        {
            bars.Add(new BarPayload(symbol, start, price, price, price, price, 0, timeframe.Minutes, 0, true));
            timeframe.LastCompletedStart = start;
        }

        _counters = _counters with { BarsEmitted = _counters.BarsEmitted + missing, SyntheticBarsEmitted = _counters.SyntheticBarsEmitted + missing };
    }

    private static List<BarPayload> InEmitOrder(List<BarPayload> bars) =>
        bars.Count <= 1 ? bars : [.. bars.OrderBy(b => b.CloseTime).ThenBy(b => b.Timeframe).ThenBy(b => b.Symbol, StringComparer.Ordinal)];

    private sealed class SymbolSeries(string symbol, TimeframeSeries[] timeframes)
    {
        public string Symbol { get; } = symbol;
        public TimeframeSeries[] Timeframes { get; } = timeframes;
        public DateTime? LastTickTime { get; set; }
    }

    private sealed class TimeframeSeries(int minutes)
    {
        public int Minutes { get; } = minutes;
        public BarPayload? Working { get; set; }
        public DateTime? LastCompletedStart { get; set; }
        public double? LastClose { get; set; }
    }
}
