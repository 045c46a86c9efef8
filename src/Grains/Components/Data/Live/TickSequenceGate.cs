namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>What <see cref="TickSequenceGate.Admit"/> decided.</summary>
/// <param name="IsNew">The id is above every id seen: the tick goes on to validation.</param>
/// <param name="Missed">Ids skipped between the previous id and this one (a gap: ticks the feed never sent us).</param>
public readonly record struct SequenceVerdict(bool IsNew, long Missed);

/// <summary>
/// Passes on only ticks the handler has not seen: a feed's ids (algospace_json seq, Binance trade id) are strictly
/// increasing, so an id at or below the last one seen is a tick sent again (a feed re-sends its last ticks after a
/// reconnect) or one that arrived late, and is dropped. The gate never reorders: a late tick is dropped too, its
/// place counted as missed when the gap opened. An id more than one above the last opens a gap: the ids between are
/// missed ticks. The last id is saved state, so a restarted silo still drops the overlap.
/// </summary>
public sealed class TickSequenceGate
{
    public long? LastId { get; private set; }

    /// <summary>Ticks dropped because their id was not above the last one.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Times the ids jumped by more than one.</summary>
    public long Gaps { get; private set; }

    /// <summary>Ids skipped over all gaps.</summary>
    public long Missed { get; private set; }

    public SequenceVerdict Admit(long id)
    {
        if (LastId is { } last && id <= last)
        {
            Duplicates++;
            return new SequenceVerdict(false, 0);
        }

        // id - last - 1 cannot overflow: id > last.
        var missed = LastId is { } previous ? id - previous - 1 : 0;
        LastId = id;
        if (missed > 0)
        {
            Gaps++;
            Missed += missed;
        }

        return new SequenceVerdict(true, missed);
    }

    public void Restore(long? lastId, long duplicates, long gaps, long missed)
    {
        LastId = lastId;
        Duplicates = duplicates;
        Gaps = gaps;
        Missed = missed;
    }
}
