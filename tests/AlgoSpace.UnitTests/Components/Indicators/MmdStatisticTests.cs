using AlgoSpace.Grains.Components.Indicators;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class MmdStatisticTests
{
    [Fact]
    public void The_gaussian_kernel_is_exp_of_minus_squared_distance_over_two_sigma_squared()
    {
        // ‖(0,0) - (1,1)‖² = 2; σ = 1 → exp(-2/2) = e^-1. σ = 2 → exp(-2/8).
        Assert.Equal(Math.Exp(-1), MaximumMeanDiscrepancy.GaussianKernel([0, 0], [1, 1], 1), 15);
        Assert.Equal(Math.Exp(-0.25), MaximumMeanDiscrepancy.GaussianKernel([0, 0], [1, 1], 2), 15);
    }

    [Fact]
    public void The_unbiased_mmd_of_two_tiny_samples_matches_the_hand_sum()
    {
        // X = {0, 1}, Y = {3, 4}, one column, σ = 1, k = exp(-d²/2).
        // k_XX (i≠j): k(0,1) = e^-0.5;  k_YY: k(3,4) = e^-0.5.
        // k_XY: d² 9, 16, 4, 9 → (2e^-4.5 + e^-8 + e^-2)/4.
        // MMD² = 2e^-0.5 - (2e^-4.5 + e^-8 + e^-2)/2 = 1.21306132 - 0.07894437 = 1.13411695 → MMD 1.0649493.
        var mmd = MaximumMeanDiscrepancy.Mmd([0, 1], [3, 4], 1, 1);

        var expected = Math.Sqrt(2 * Math.Exp(-0.5) - (2 * Math.Exp(-4.5) + Math.Exp(-8) + Math.Exp(-2)) / 2);
        Assert.Equal(expected, mmd, 12);
        Assert.Equal(1.0649493, mmd, 6);
    }

    [Fact]
    public void A_negative_unbiased_estimate_is_clamped_to_zero()
    {
        // X = {0, 1}, Y = {0, 2}: e^-0.5 + e^-2 - (1 + e^-2 + 2e^-0.5)/2 = e^-2/2 - 1/2 < 0 → 0.
        Assert.Equal(0.0, MaximumMeanDiscrepancy.Mmd([0, 1], [0, 2], 1, 1));
    }

    [Fact]
    public void A_sample_against_itself_scores_zero()
    {
        // Same sample: 2·mean_(i≠j) k - 2·mean over all pairs, and the all-pairs mean includes the diagonal 1s, so ≤ 0.
        double[] sample = [0.1, -0.3, 1.2, 0.7, -1.1, 0.4, 2.0, -0.2];
        Assert.Equal(0.0, MaximumMeanDiscrepancy.Mmd(sample, sample, 2, 1.0));
    }

    [Fact]
    public void The_precomputed_reference_term_gives_the_same_mmd_as_computing_every_term()
    {
        var reference = MmdReferenceSet.Default[3];
        var sample = RandomRows(50, seed: 5);

        var precomputed = MaximumMeanDiscrepancy.Mmd(sample, reference);
        var full = MaximumMeanDiscrepancy.Mmd(sample, reference.Samples, reference.Dims, reference.Sigma);

        Assert.Equal(full, precomputed, 12);
        Assert.True(precomputed > 0);
    }

    [Theory]
    [InlineData(0, 5)] // normal vs trending
    [InlineData(1, 2)] // bull vs bear
    [InlineData(2, 1)] // bear vs bull
    [InlineData(4, 0)] // low-vol vs normal
    [InlineData(6, 5)] // mean-reverting vs trending
    public void A_sample_from_a_reference_distribution_scores_lower_against_it_than_against_another(int drawnFrom, int other)
    {
        // A fresh draw of the same distribution (another seed), z-scored like the references: this checks the
        // statistic and the references, not the calculator's robust scaling. Z-scored regimes differ only in shape,
        // and the kernel is wide (σ_k ≈ 2.5), so the clamped MMD is often 0 on both sides; the unbiased MMD² before
        // clamping still orders them.
        var raw = MmdReferenceSet.Draw(drawnFrom, new DistributionSampler(new Xoshiro256StarStar(12345)), MmdReferenceSet.SampleCount);
        var sample = MmdReferenceSet.ZScoreColumns(raw);
        var references = MmdReferenceSet.Default;

        var own = MaximumMeanDiscrepancy.UnbiasedSquared(sample, references[drawnFrom]);
        var different = MaximumMeanDiscrepancy.UnbiasedSquared(sample, references[other]);

        Assert.True(own < different, $"MMD² vs {references[drawnFrom].Name} {own} should be below vs {references[other].Name} {different}.");
    }

    [Fact]
    public void A_shifted_sample_scores_clearly_higher_than_a_fresh_draw_of_the_same_distribution()
    {
        var reference = MmdReferenceSet.Default[0];
        var fresh = MmdReferenceSet.ZScoreColumns(MmdReferenceSet.Draw(0, new DistributionSampler(new Xoshiro256StarStar(777)), 100));
        var shifted = fresh.Select(v => v + 1.5).ToArray();

        var near = MaximumMeanDiscrepancy.Mmd(fresh, reference);
        var far = MaximumMeanDiscrepancy.Mmd(shifted, reference);

        // A shift of 1.5 in each of 4 columns is 3 standard deviations away: the MMD is far from the noise level.
        Assert.True(near < 0.05, $"fresh draw: {near}");
        Assert.True(far > 0.3, $"shifted draw: {far}");
    }

    [Fact]
    public void Every_reference_has_256_rows_with_z_scored_columns_a_positive_width_and_a_kernel_mean_in_zero_one()
    {
        foreach (var reference in MmdReferenceSet.Default)
        {
            Assert.Equal(256 * 4, reference.Samples.Length);
            for (var d = 0; d < 4; d++)
            {
                var column = Enumerable.Range(0, 256).Select(i => reference.Samples[i * 4 + d]).ToArray();
                Assert.Equal(0.0, column.Average(), 9);
                Assert.Equal(1.0, Math.Sqrt(column.Select(v => v * v).Average()), 9);
            }
            Assert.True(reference.Sigma > 0.5 && reference.Sigma < 10, $"{reference.Name}: σ_k {reference.Sigma}");
            Assert.InRange(reference.MeanKernelWithin, 0.01, 0.99);
        }
    }

    [Fact]
    public void The_reference_set_is_the_same_every_time_it_is_built()
    {
        var first = MmdReferenceSet.Build(256);
        var second = MmdReferenceSet.Build(256);

        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].Samples, second[i].Samples);
            Assert.Equal(first[i].Sigma, second[i].Sigma);
        }
        // Different references are different draws.
        Assert.NotEqual(first[3].Samples, first[4].Samples);
    }

    private static double[] RandomRows(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows * 4).Select(_ => random.NextDouble() * 4 - 2).ToArray();
    }
}
