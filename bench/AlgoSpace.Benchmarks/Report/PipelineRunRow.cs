namespace AlgoSpace.Benchmarks.Report;

/// <summary>One run of the default job for the pipeline-latency benchmark: what went through it and how long it took.</summary>
public sealed record PipelineRunRow(string Runner, string DataFile, int TickBatches, double Seconds, string Note);
