using System.Diagnostics;
using AlgoSpace.Benchmarks.Report;

namespace AlgoSpace.Benchmarks.Hops;

/// <summary>Turns per-event hop times (Stopwatch ticks) into a report row: nearest-rank percentiles and throughput.</summary>
public static class LatencyStats
{
    public static HopRow Row(string hop, ReadOnlySpan<long> latencyTicks, long elapsedTicks, string target = "", double? p99LimitUs = null)
    {
        if (latencyTicks.IsEmpty) throw new InvalidOperationException($"{hop}: no events were measured.");
        var sorted = latencyTicks.ToArray();
        Array.Sort(sorted);
        var p99 = Microseconds(Percentile(sorted, 0.99));
        var seconds = (double)elapsedTicks / Stopwatch.Frequency;
        return new HopRow(hop, sorted.Length, Microseconds(Percentile(sorted, 0.50)), p99, Microseconds(sorted[^1]),
            sorted.Length / seconds, target, p99LimitUs is { } limit ? p99 < limit : null);
    }

    private static long Percentile(long[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
