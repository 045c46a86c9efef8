namespace AlgoSpace.Benchmarks.Report;

/// <summary>A wall-clock figure measured once per silo process, with its median.</summary>
public sealed record TimingRow(string Measurement, IReadOnlyList<double> RunsMs, string Target, bool? Met, string Note = "")
{
    public double MedianMs
    {
        get
        {
            var sorted = RunsMs.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
