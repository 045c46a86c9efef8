namespace AlgoSpace.Benchmarks.Soak;

/// <summary>
/// One sampled figure over a soak, judged by <see cref="SoakMeasure.Rule"/>: the samples are split into quarters by
/// count, and the figure is flat when the last quarter's mean, or its lowest sample, is at most 10 % above the second
/// quarter's (the first 20 % are the warm-up: the JIT, the thread pool, Orleans' pools and the first checkpoint
/// pieces, so the first quarter is not a baseline). The lowest sample counts because memory is a sawtooth: between
/// two full collections the managed heap carries garbage, so its mean over a quarter depends on where the collections
/// fell, while what survives them (the quarter's floor) is what a leak raises. min, max and slope (least squares, per
/// minute) are over the samples after the warm-up.
/// </summary>
public sealed record SoakMeasure(string Name, string Unit, double AtWarmupEnd, double AtEnd, double Min, double Max, double SlopePerMinute,
    double SecondQuarterMean, double LastQuarterMean, double SecondQuarterMin, double LastQuarterMin, int Samples)
{
    public const double WarmupShare = 0.2;
    public const double Tolerance = 0.10;
    public const string Rule = "flat when the last quarter's (samples 75-100 %) mean or lowest sample is at most 10 % above the second quarter's (25-50 %), growing when both are more; warm-up = the first 20 % of samples";

    public bool Flat => LastQuarterMean <= SecondQuarterMean * (1 + Tolerance) || LastQuarterMin <= SecondQuarterMin * (1 + Tolerance);

    public string Verdict => Flat ? "flat" : "growing";

    /// <summary>The figure's measure, or null when fewer than 8 samples carry it.</summary>
    public static SoakMeasure? From(string name, string unit, IReadOnlyList<SoakSample> samples, Func<SoakSample, double?> value)
    {
        var n = samples.Count;
        var warmup = (int)Math.Ceiling(n * WarmupShare);
        var points = samples.Select((s, i) => (i, s.ElapsedSeconds, Value: value(s))).Where(p => p.Value is not null).Select(p => (p.i, p.ElapsedSeconds, Value: p.Value!.Value)).ToList();
        var after = points.Where(p => p.i >= warmup).ToList();
        var second = points.Where(p => p.i >= n / 4 && p.i < n / 2).ToList();
        var last = points.Where(p => p.i >= 3 * n / 4).ToList();
        if (points.Count < 8 || after.Count < 2 || second.Count == 0 || last.Count == 0) return null;

        var atWarmupEnd = points.Where(p => p.i < warmup).Select(p => p.Value).DefaultIfEmpty(after[0].Value).Last();
        return new SoakMeasure(name, unit, atWarmupEnd, points[^1].Value, after.Min(p => p.Value), after.Max(p => p.Value),
            Slope(after.Select(p => (p.ElapsedSeconds / 60, p.Value)).ToList()), second.Average(p => p.Value), last.Average(p => p.Value),
            second.Min(p => p.Value), last.Min(p => p.Value), points.Count);
    }

    private static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        return sxx == 0 ? 0 : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
    }
}
