namespace AlgoSpace.Benchmarks.Report;

/// <summary>The kernel issue's performance targets, stated next to the figures they apply to.</summary>
public static class Targets
{
    public const double HopP99Us = 250;
    public const double ReadyMs = 3_000;
    public const double EmergencyMs = 1_000;
    public const double TickToTradeP99Us = 1_000;

    /// <summary>Issue 5: live tick (arrival at the handler) to EXECUTE_TRADE, p99, at a paced 1,000 ticks/s.</summary>
    public const double LiveTickToTradeP99Us = 1_000;

    /// <summary>
    /// "No heap growth after warm-up", made testable: a full blocking GC's figures may move by a few hundred KiB
    /// (Orleans' timers, statistics, pooled buffers), so anything up to 1 MiB counts as no growth; a leak of even
    /// one small object per event is 10 MB or more over a million events.
    /// </summary>
    public const long HeapGrowthBytes = 1L << 20;

    public const string HopP99 = "p99 < 250 µs";
    public const string Ready = "< 3 s";
    public const string Emergency = "< 1 s";
    public const string TickToTrade = "p99 < 1 ms";

    public const string LiveTickToTrade = "p99 < 1 ms (paced 1,000 ticks/s)";
    public const string NoHeapGrowth = "no growth (≤ 1 MiB)";
}
