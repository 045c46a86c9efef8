using AlgoSpace.Benchmarks.Hops;

namespace AlgoSpace.Benchmarks.Report;

/// <summary>
/// One stage of the pipeline-latency benchmark: from the data handler's publish of the NEW_TICK batch that closed a
/// bar to the moment an event it caused reached the stage, nearest-rank percentiles over every such batch.
/// </summary>
public sealed record PipelineLatencyRow(string Runner, string Stage, int Samples, double P50Us, double P99Us, double MaxUs, string Target, bool? Met)
{
    /// <summary>Under 100 samples the nearest-rank p99 is the largest sample.</summary>
    public bool P99IsMax => Samples < 100;

    /// <summary>A stage's row from its latencies (Stopwatch ticks); a stage nothing reached gets a row of zeros.</summary>
    public static PipelineLatencyRow From(string runner, string stage, long[] latencies, string target = "", double? p99TargetUs = null)
    {
        if (latencies.Length == 0) return new PipelineLatencyRow(runner, stage, 0, 0, 0, 0, target, null);
        var stats = LatencyStats.Row(stage, latencies, 1, target, p99TargetUs);
        return new PipelineLatencyRow(runner, stage, stats.Events, stats.P50Us, stats.P99Us, stats.MaxUs, stats.Target, stats.Met);
    }
}
