using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// Fair value gaps on 5-minute standard candles (component-contracts 2.3.2), with a = t−2, b = t−1, c = t.
/// Each bar first ages the live gaps and retires them (age above max_age: dropped quietly; closed through: mitigated,
/// which raises the edge signal for this bar only), then looks for a new gap, which starts at age 0.
/// </summary>
public sealed class FairValueGapTracker
{
    private readonly FvgSettings _settings;
    private readonly List<FairValueGap> _live = [];

    /// <summary>Bars a, b, c and up to lookback_period bars before b: highs, lows, opens, closes.</summary>
    private readonly RingBuffer _opens;
    private readonly RingBuffer _highs;
    private readonly RingBuffer _lows;
    private readonly RingBuffer _closes;
    private long _barIndex = -1;

    public FairValueGapTracker(FvgSettings settings)
    {
        _settings = settings;
        var capacity = settings.LookbackPeriod + 2;
        _opens = new RingBuffer(capacity);
        _highs = new RingBuffer(capacity);
        _lows = new RingBuffer(capacity);
        _closes = new RingBuffer(capacity);
    }

    /// <summary>The live gaps, oldest first.</summary>
    public IReadOnlyList<FairValueGap> Live => _live;

    public FvgFeatures Update(BarPayload bar)
    {
        _barIndex++;
        _opens.Add(bar.Open);
        _highs.Add(bar.High);
        _lows.Add(bar.Low);
        _closes.Add(bar.Close);

        var mitigated = Retire(bar.Close);
        if (Detect() is { } gap) _live.Add(gap);
        return Features(bar.Close, mitigated);
    }

    private (FairValueGap? Bullish, FairValueGap? Bearish) Retire(double close)
    {
        FairValueGap? bullish = null;
        FairValueGap? bearish = null;
        for (var i = _live.Count - 1; i >= 0; i--)
        {
            var gap = _live[i];
            if (_barIndex - gap.FormedAt > _settings.MaxAge)
            {
                _live.RemoveAt(i);
                continue;
            }

            if (gap.Bullish && close <= gap.Lower)
            {
                if (bullish is null || gap.Size > bullish.Value.Size) bullish = gap;
                _live.RemoveAt(i);
            }
            else if (!gap.Bullish && close >= gap.Upper)
            {
                if (bearish is null || gap.Size > bearish.Value.Size) bearish = gap;
                _live.RemoveAt(i);
            }
        }

        return (bullish, bearish);
    }

    private FairValueGap? Detect()
    {
        if (_closes.Count < 3) return null;
        double highA = _highs[2], lowA = _lows[2];
        double openB = _opens[1], closeB = _closes[1];
        double highC = _highs[0], lowC = _lows[0], closeC = _closes[0];
        var denominator = closeC != 0 ? closeC : FeatureMath.Epsilon;

        // Body filter: b's body against the mean body of up to lookback_period bars before b.
        double bodies = 0;
        var before = _closes.Count - 2;
        for (var back = 2; back < _closes.Count; back++) bodies += Math.Abs(_closes[back] - _opens[back]);
        var averageBody = Math.Max(0.001, bodies / before);
        if (Math.Abs(closeB - openB) <= _settings.BodyMultiplier * averageBody) return null;

        if (lowC > highA && closeB > highA && (lowC - highA) / denominator >= _settings.Threshold)
        {
            return new FairValueGap(true, highA, lowC, _barIndex);
        }

        if (highC < lowA && closeB < lowA && (lowA - highC) / denominator >= _settings.Threshold)
        {
            return new FairValueGap(false, highC, lowA, _barIndex);
        }

        return null;
    }

    private FvgFeatures Features(double close, (FairValueGap? Bullish, FairValueGap? Bearish) mitigated)
    {
        bool bullishActive = false, bearishActive = false;
        FairValueGap? nearest = null;
        var nearestDistance = double.MaxValue;
        foreach (var gap in _live)
        {
            if (gap.Bullish) bullishActive = true;
            else bearishActive = true;
            // Oldest first, so "<=" lets the newest of equally near gaps win.
            var distance = Math.Abs(gap.Midpoint - close);
            if (distance <= nearestDistance)
            {
                nearest = gap;
                nearestDistance = distance;
            }
        }

        var (bullish, bearish) = mitigated;
        var priceDenominator = close != 0 ? close : FeatureMath.Epsilon;
        return new FvgFeatures(
            bullishActive,
            bearishActive,
            nearest?.Midpoint ?? 0,
            nearest is { } n ? (int)(_barIndex - n.FormedAt) : 0,
            nearest?.Size ?? 0,
            nearest is { } s ? 100 * s.Size / priceDenominator : 0,
            bullish is not null || bearish is not null,
            bullish is not null,
            bullish?.Size ?? 0,
            bullish?.Midpoint ?? 0,
            bearish is not null,
            bearish?.Size ?? 0,
            bearish?.Midpoint ?? 0);
    }

    public FairValueGapTrackerState SaveState() =>
        new(_barIndex, _opens.ToArray(), _highs.ToArray(), _lows.ToArray(), _closes.ToArray(), _live.ToArray());

    public void RestoreState(FairValueGapTrackerState state)
    {
        _barIndex = state.BarIndex;
        _opens.Restore(state.Opens);
        _highs.Restore(state.Highs);
        _lows.Restore(state.Lows);
        _closes.Restore(state.Closes);
        _live.Clear();
        _live.AddRange(state.Live);
    }
}

/// <summary>A live gap: the zone [Lower, Upper] and the 5-minute bar (tracker's own count) that formed it.</summary>
[GenerateSerializer, Immutable]
public readonly record struct FairValueGap(
    [property: Id(0)] bool Bullish,
    [property: Id(1)] double Lower,
    [property: Id(2)] double Upper,
    [property: Id(3)] long FormedAt)
{
    public double Size => Upper - Lower;

    public double Midpoint => (Lower + Upper) / 2;
}

/// <summary>The FVG tracker's recent bars (oldest first) and live gaps.</summary>
[GenerateSerializer, Immutable]
public sealed record FairValueGapTrackerState(
    [property: Id(0)] long BarIndex,
    [property: Id(1)] IReadOnlyList<double> Opens,
    [property: Id(2)] IReadOnlyList<double> Highs,
    [property: Id(3)] IReadOnlyList<double> Lows,
    [property: Id(4)] IReadOnlyList<double> Closes,
    [property: Id(5)] IReadOnlyList<FairValueGap> Live);
