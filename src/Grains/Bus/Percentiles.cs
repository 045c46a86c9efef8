namespace AlgoSpace.Grains.Bus;

/// <summary>Nearest-rank percentiles of a sample.</summary>
public static class Percentiles
{
    /// <summary>The smallest value with at least <paramref name="percent"/> % of the sample at or below it.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0) throw new ArgumentException("The sample is empty.", nameof(sorted));
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
