namespace AlgoSpace.Benchmarks.Components;

/// <summary>The one event of the benchmark's routing table; its envelope's SimTime carries the send time.</summary>
public static class BenchEvents
{
    public const string Ping = "BENCH_PING";

    /// <summary>
    /// The send time as a SimTime: Stopwatch ticks stored as DateTime ticks, so a hop carries it without a payload
    /// (and without changing the envelope). Only meaningful inside this process, where source and sink share the clock.
    /// </summary>
    public static DateTime Stamp(long stopwatchTicks) => new(stopwatchTicks, DateTimeKind.Unspecified);

    public static long SentAt(DateTime simTime) => simTime.Ticks;
}
