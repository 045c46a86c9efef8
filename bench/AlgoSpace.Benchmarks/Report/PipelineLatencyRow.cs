namespace AlgoSpace.Benchmarks.Report;

/// <summary>
/// One stage of the pipeline-latency benchmark: from the data handler's publish of the NEW_TICK batch that closed a
/// bar to the moment an event it caused reached the stage, nearest-rank percentiles over every such batch.
/// </summary>
public sealed record PipelineLatencyRow(string Runner, string Stage, int Samples, double P50Us, double P99Us, double MaxUs, string Target, bool? Met)
{
    /// <summary>Under 100 samples the nearest-rank p99 is the largest sample.</summary>
    public bool P99IsMax => Samples < 100;
}
