using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData.Bars;

namespace AlgoSpace.Grains.Components.Data;

/// <summary>
/// How a portfolio's merged ticks are published: in windows of one bucket of every configured timeframe (the
/// smallest, 5 minutes, decides), and within a window instrument by instrument in the order of settings.symbols,
/// each instrument's ticks in time order, cut into batches of at most event_bus.tick_batch_size. So each instrument's
/// pipeline sees exactly its ticks in order and closes a bar only at the first tick of its batch, as with one
/// instrument; the account sees a window's instruments one after the other. The rule does not depend on the batch
/// size, so results are the same batched or not, on any transport and any number of silos; and an instrument's
/// batch holds about a window of its ticks rather than the one or two that a strict interleaving would allow.
/// A window holds at most <see cref="MaxTicks"/> ticks (a bound on memory; a bucket that busy is cut there).
/// </summary>
public sealed class TickWindow
{
    public const int MaxTicks = 65_536;

    private readonly IReadOnlyList<string> _symbols;
    private readonly int[] _timeframes;
    private readonly DateTime[] _firstBuckets;
    private readonly int _batchSize;
    private List<TickPayload> _ticks = [];
    private long _firstSeq;

    /// <param name="symbols">The instruments, in the order a window publishes them.</param>
    /// <param name="timeframes">Bar lengths in minutes (settings.timeframes).</param>
    /// <param name="batchSize">Most ticks per batch; 1 publishes tick by tick.</param>
    public TickWindow(IReadOnlyList<string> symbols, IEnumerable<int> timeframes, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _symbols = symbols;
        _timeframes = timeframes.Where(t => t >= 1).Distinct().Order().ToArray();
        _firstBuckets = new DateTime[_timeframes.Length];
        _batchSize = batchSize;
    }

    /// <summary>Ticks held: the window being gathered.</summary>
    public int Count => _ticks.Count;

    /// <summary>
    /// Adds the next merged tick, at position <paramref name="tickSeq"/> of the merged stream. Returns the window it
    /// ended, as batches in publishing order, or null when the tick joined the window.
    /// </summary>
    public IReadOnlyList<TickBatchPayload>? Add(TickPayload tick, long tickSeq)
    {
        IReadOnlyList<TickBatchPayload>? ended = null;
        if (_ticks.Count > 0 && (_ticks.Count >= MaxTicks || !InFirstBuckets(tick.Timestamp))) ended = Take();
        if (_ticks.Count == 0)
        {
            _firstSeq = tickSeq;
            for (var i = 0; i < _timeframes.Length; i++) _firstBuckets[i] = BarClock.Floor(tick.Timestamp, _timeframes[i]);
        }

        _ticks.Add(tick);
        return ended;
    }

    /// <summary>
    /// The window gathered, as batches: instrument by instrument in the order of the symbols, each instrument's ticks
    /// in order and at most the batch size at a time. Tick i of the window's publishing order carries the window's
    /// first position + i, so a draw seeded by a tick's position is the same batched or not.
    /// </summary>
    public IReadOnlyList<TickBatchPayload> Take()
    {
        var batches = new List<TickBatchPayload>();
        var seq = _firstSeq;
        foreach (var symbol in _symbols)
        {
            List<TickPayload>? batch = null;
            foreach (var tick in _ticks)
            {
                if (!string.Equals(tick.Symbol, symbol, StringComparison.Ordinal)) continue;
                batch ??= new List<TickPayload>(Math.Min(_batchSize, 256));
                batch.Add(tick);
                if (batch.Count < _batchSize) continue;
                batches.Add(new TickBatchPayload(batch, seq));
                seq += batch.Count;
                batch = null;
            }

            if (batch is null) continue;
            batches.Add(new TickBatchPayload(batch, seq));
            seq += batch.Count;
        }

        _ticks = [];
        return batches;
    }

    /// <summary>The window being gathered, for the saved state; null when empty.</summary>
    public TickBatchPayload? Held() => _ticks.Count == 0 ? null : new TickBatchPayload(_ticks.ToArray(), _firstSeq);

    /// <summary>Takes back a saved window being gathered, on a freshly made window.</summary>
    public void Restore(TickBatchPayload held)
    {
        _ticks = [];
        for (var i = 0; i < held.Ticks.Count; i++) Add(held.Ticks[i], held.FirstTickSeq + i);
    }

    private bool InFirstBuckets(DateTime time)
    {
        for (var i = 0; i < _timeframes.Length; i++)
        {
            if (BarClock.Floor(time, _timeframes[i]) != _firstBuckets[i]) return false;
        }

        return true;
    }
}
