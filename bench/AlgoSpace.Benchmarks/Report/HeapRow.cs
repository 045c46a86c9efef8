namespace AlgoSpace.Benchmarks.Report;

/// <summary>One managed-heap measure after warm-up and after the measured events.</summary>
public sealed record HeapRow(string Measure, int Events, long AfterWarmupBytes, long AfterEventsBytes, string Target, bool? Met)
{
    public long DifferenceBytes => AfterEventsBytes - AfterWarmupBytes;
}
