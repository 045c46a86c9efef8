namespace AlgoSpace.Grains.Bus;

/// <summary>
/// Measures the bus hop: the producer stamps each delivery with the wall-clock time it was sent, carried in the
/// call's request context (not in the envelope, which stays free of wall-clock values so that runs compare equal);
/// the subscriber's host takes the stamp when the delivery reaches it. UTC ticks, so silos on one machine (or on
/// clock-synchronised machines) agree. Deliveries that do not carry the stamp (memory streams, direct calls) are
/// not measured.
/// </summary>
public static class DeliveryClock
{
    private const string Key = "algospace.sent";

    /// <summary>Stamps the deliveries the current flow sends from now on.</summary>
    public static void Stamp() => RequestContext.Set(Key, DateTime.UtcNow.Ticks);

    /// <summary>The hop latency of the delivery being handled, in microseconds, and removes the stamp so that the
    /// handler's own calls do not carry it on; null when the delivery was not stamped.</summary>
    public static double? Take()
    {
        if (RequestContext.Get(Key) is not long sent) return null;
        RequestContext.Remove(Key);
        return Math.Max(0, (DateTime.UtcNow.Ticks - sent) / 10.0);
    }
}
