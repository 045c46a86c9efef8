namespace AlgoSpace.Grains.Components.Bars;

/// <summary>What the bar builder did with one tick.</summary>
public enum BarTickOutcome
{
    /// <summary>The tick updated or opened the working bars.</summary>
    Accepted,

    /// <summary>Price not positive or not finite: skipped without touching any bar.</summary>
    SkippedBadPrice,

    /// <summary>Older than the last accepted tick, or in a bucket older than a working or completed bar: rejected.</summary>
    RejectedPast,
}
