namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The seven seeded reference samples of component-contracts 2.3.6 (normal, bull, bear, high-vol, low-vol,
/// trending, mean-reverting; columns r, ℓ, g, σ), following recommendation 6.6: 256 rows per distribution instead
/// of 1000. They depend on nothing but the constants here, so one immutable set is built per process and shared by
/// every calculator.
/// </summary>
public static class MmdReferenceSet
{
    /// <summary>Rows drawn per reference distribution (spec 6.6; the source used 1000).</summary>
    public const int SampleCount = 256;

    /// <summary>Points whose median pairwise distance is the kernel width.</summary>
    public const int SigmaPoints = 200;

    /// <summary>Columns: r, ℓ, g, σ.</summary>
    public const int Dims = 4;

    /// <summary>
    /// Seed of the reference samples: the ASCII bytes of "MMD_REFS". Reference i is drawn from its own generator
    /// seeded with ReferenceSeed + i, so one table row can change without moving the others. Changing this constant
    /// changes every MMD feature and so invalidates any model trained on them.
    /// </summary>
    public const ulong ReferenceSeed = 0x4D4D_445F_5245_4653UL;

    public static IReadOnlyList<string> Names { get; } = ["normal", "bull", "bear", "high_vol", "low_vol", "trending", "mean_reverting"];

    private static readonly Lazy<IReadOnlyList<MmdReference>> Lazy = new(() => Build(SampleCount));

    /// <summary>The shared set, in table order.</summary>
    public static IReadOnlyList<MmdReference> Default => Lazy.Value;

    /// <summary>Builds the set with <paramref name="sampleCount"/> rows per reference (at least <see cref="SigmaPoints"/>).</summary>
    public static IReadOnlyList<MmdReference> Build(int sampleCount)
    {
        if (sampleCount < SigmaPoints) throw new ArgumentOutOfRangeException(nameof(sampleCount), $"References need at least {SigmaPoints} rows, got {sampleCount}.");
        var references = new MmdReference[Names.Count];
        for (var i = 0; i < Names.Count; i++)
        {
            var sampler = new DistributionSampler(new Xoshiro256StarStar(ReferenceSeed + (ulong)i));
            var samples = ZScoreColumns(Draw(i, sampler, sampleCount));
            var sigma = MedianPairwiseDistance(samples);
            references[i] = new MmdReference(Names[i], samples, Dims, sigma, MaximumMeanDiscrepancy.MeanOffDiagonalKernel(samples, Dims, sigma));
        }
        return references;
    }

    /// <summary>
    /// The raw rows of reference <paramref name="index"/>, drawn column by column (all of r, then ℓ, g, σ).
    /// Row i's phase in the mean-reverting sine and cosine is i/(n - 1) of the full pattern, so 256 rows carry the
    /// same ten and 7.5 periods that 1000 rows carry with 20πi/999.
    /// </summary>
    public static double[] Draw(int index, DistributionSampler s, int n)
    {
        Func<int, double>[] columns = index switch
        {
            0 => [_ => s.Normal(1e-4, 0.01), _ => s.Normal(1e-4, 0.01), _ => s.Normal(1e-4, 0.01), _ => s.Normal(1e-4, 0.01)],
            1 => [_ => 0.05 * s.Beta(2, 5) - 0.01, _ => s.LogNormal(-5, 0.5), _ => s.Gamma(2, 0.005), _ => s.Gamma(1.5, 0.01)],
            2 => [_ => -0.08 * s.Beta(2, 5) + 0.01, _ => -s.LogNormal(-4.5, 0.6), _ => s.Gamma(3, 0.008), _ => s.Gamma(2.5, 0.015)],
            3 => [_ => s.Normal(0, 0.03), _ => s.Normal(0, 0.025), _ => s.Gamma(4, 0.01), _ => s.Gamma(3, 0.02)],
            4 => [_ => s.Normal(0, 0.005), _ => s.Normal(0, 0.004), _ => s.Gamma(1, 0.002), _ => s.Gamma(0.5, 0.005)],
            5 => [_ => s.Normal(5e-4, 0.015), _ => s.Normal(3e-4, 0.012), _ => s.Gamma(2, 0.006), _ => s.Gamma(1.8, 0.012)],
            6 =>
            [
                i => 0.02 * Math.Sin(20 * Math.PI * i / (n - 1)) + s.Normal(0, 0.008),
                i => 0.015 * Math.Cos(15 * Math.PI * i / (n - 1)) + s.Normal(0, 0.006),
                _ => s.Gamma(1.5, 0.004),
                _ => s.Gamma(1.2, 0.008),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(index), $"There are {Names.Count} references, not {index + 1}."),
        };

        var rows = new double[n * Dims];
        for (var d = 0; d < Dims; d++)
        {
            for (var i = 0; i < n; i++) rows[i * Dims + d] = columns[d](i);
        }
        if (index == 5) CumulativeSumOver100(rows, n, columns: 2);
        return rows;
    }

    /// <summary>Trending: r and ℓ are running sums of their normal draws, divided by 100.</summary>
    private static void CumulativeSumOver100(double[] rows, int n, int columns)
    {
        for (var d = 0; d < columns; d++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += rows[i * Dims + d];
                rows[i * Dims + d] = sum / 100.0;
            }
        }
    }

    /// <summary>Each column to mean 0 and population standard deviation 1 (a flat column is divided by 1e-8, as the source did).</summary>
    public static double[] ZScoreColumns(double[] rows)
    {
        var n = rows.Length / Dims;
        var column = new double[n];
        for (var d = 0; d < Dims; d++)
        {
            for (var i = 0; i < n; i++) column[i] = rows[i * Dims + d];
            var mean = SampleStatistics.Mean(column);
            var std = Math.Max(SampleStatistics.PopulationStd(column), 1e-8);
            for (var i = 0; i < n; i++) rows[i * Dims + d] = (column[i] - mean) / std;
        }
        return rows;
    }

    /// <summary>
    /// σ_k: the median Euclidean distance between the pairs of 200 points taken at an even stride through the
    /// sample (deterministic, and spread over the whole of the ordered trending and mean-reverting samples).
    /// </summary>
    private static double MedianPairwiseDistance(double[] rows)
    {
        var n = rows.Length / Dims;
        var picked = new int[SigmaPoints];
        for (var i = 0; i < SigmaPoints; i++) picked[i] = (int)((long)i * n / SigmaPoints);
        var distances = new double[SigmaPoints * (SigmaPoints - 1) / 2];
        var k = 0;
        for (var i = 0; i < SigmaPoints; i++)
        {
            for (var j = i + 1; j < SigmaPoints; j++)
            {
                distances[k++] = Math.Sqrt(MaximumMeanDiscrepancy.SquaredDistance(rows.AsSpan(picked[i] * Dims, Dims), rows.AsSpan(picked[j] * Dims, Dims)));
            }
        }
        var median = SampleStatistics.Median(distances);
        return median > SampleStatistics.Epsilon ? median : 1.0;
    }
}
