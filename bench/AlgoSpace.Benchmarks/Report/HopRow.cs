namespace AlgoSpace.Benchmarks.Report;

/// <summary>One hop benchmark: one-way latency (send → handler start) and throughput with each send awaited.</summary>
public sealed record HopRow(string Hop, int Events, double P50Us, double P99Us, double MaxUs, double EventsPerSecond, string Target, bool? Met);
