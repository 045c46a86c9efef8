using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData.Bars;

namespace AlgoSpace.Grains.Components.Data;

/// <summary>
/// Cuts the replayed ticks into NEW_TICK batches (event_bus.tick_batch_size): a batch ends before a tick that
/// starts a new bucket of any configured timeframe (or goes back in time to an older one), before a tick of
/// another instrument (a batch is routed to one instrument's pipeline), and when it is full.
/// So only the first tick of a batch can close bars, and a consumer that takes the ticks one by one behaves as it
/// would with one event per tick. It holds the ticks accepted but not yet published, which is what the data
/// handler saves with its position, so a resumed run publishes them and nothing twice.
/// </summary>
public sealed class TickBatcher
{
    private readonly int[] _timeframes;
    private readonly DateTime[] _firstBuckets;
    private readonly int _capacity;
    private List<TickPayload> _ticks;
    private long _firstSeq;

    /// <param name="timeframes">Bar lengths in minutes (settings.timeframes).</param>
    /// <param name="capacity">Most ticks per batch; at least 1.</param>
    public TickBatcher(IEnumerable<int> timeframes, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timeframes = timeframes.Where(t => t >= 1).Distinct().Order().ToArray();
        _firstBuckets = new DateTime[_timeframes.Length];
        _capacity = capacity;
        _ticks = new List<TickPayload>(Math.Min(capacity, 4096));
    }

    /// <summary>Ticks held (accepted, not yet handed out).</summary>
    public int Count => _ticks.Count;

    public bool IsFull => _ticks.Count >= _capacity;

    /// <summary>
    /// Adds the next tick, whose unbatched sequence number is <paramref name="tickSeq"/>. Returns the batch the tick
    /// ended (it starts the next one), or null when it joined the held batch.
    /// </summary>
    public TickBatchPayload? Add(TickPayload tick, long tickSeq)
    {
        TickBatchPayload? ended = null;
        if (_ticks.Count > 0 && (IsFull || !string.Equals(tick.Symbol, _ticks[0].Symbol, StringComparison.Ordinal) || !InFirstBuckets(tick.Timestamp))) ended = Take();
        if (_ticks.Count == 0)
        {
            _firstSeq = tickSeq;
            for (var i = 0; i < _timeframes.Length; i++) _firstBuckets[i] = BarClock.Floor(tick.Timestamp, _timeframes[i]);
        }

        _ticks.Add(tick);
        return ended;
    }

    /// <summary>Hands out the held ticks as one batch (null when none are held).</summary>
    public TickBatchPayload? Take()
    {
        if (_ticks.Count == 0) return null;
        var batch = new TickBatchPayload(_ticks, _firstSeq);
        // The list now belongs to the published (immutable) payload; the next batch gets its own.
        _ticks = new List<TickPayload>(Math.Min(_capacity, Math.Max(16, batch.Ticks.Count)));
        return batch;
    }

    /// <summary>The held ticks, for the saved state; null when none are held.</summary>
    public TickBatchPayload? Held() => _ticks.Count == 0 ? null : new TickBatchPayload(_ticks.ToArray(), _firstSeq);

    private bool InFirstBuckets(DateTime time)
    {
        for (var i = 0; i < _timeframes.Length; i++)
        {
            if (BarClock.Floor(time, _timeframes[i]) != _firstBuckets[i]) return false;
        }

        return true;
    }
}
