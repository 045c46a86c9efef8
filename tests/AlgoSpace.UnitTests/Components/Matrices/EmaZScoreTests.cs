using AlgoSpace.Grains.Components.Matrices;

namespace AlgoSpace.Tests.Components.Matrices;

public sealed class EmaZScoreTests
{
    [Fact]
    public void During_the_first_100_samples_the_weight_is_1_over_n_so_the_statistics_are_the_plain_mean_and_variance()
    {
        var z = new EmaZScore(0.5);
        foreach (var x in new[] { 1.0, 2.0, 3.0, 6.0 }) z.Add(x);

        // mean (1+2+3+6)/4 = 3; population variance ((−2)² + (−1)² + 0² + 3²)/4 = 14/4 = 3.5. An α of 0.5 would
        // have given mean 4.125 instead: it is not used yet.
        Assert.Equal(3, z.Mean, 12);
        Assert.Equal(3.5, z.Variance, 12);
    }

    [Fact]
    public void After_100_samples_the_configured_alpha_takes_over()
    {
        var z = new EmaZScore(0.1);
        for (var i = 0; i < 100; i++) z.Add(0);

        z.Add(10);

        // n = 101 > 100: a = 0.1; δ = 10; mean = 0 + 0.1·10 = 1; var = (1 − 0.1)(0 + 0.1·10²) = 9.
        // With a = 1/101 the mean would have been 0.099.
        Assert.Equal(1, z.Mean, 12);
        Assert.Equal(9, z.Variance, 12);
    }

    [Fact]
    public void The_score_is_applied_only_once_more_than_10_samples_were_seen()
    {
        var z = new EmaZScore(0.01);
        for (var i = 1; i <= 10; i++) z.Add(i);
        Assert.False(z.IsApplied);

        z.Add(11);

        // 1..11: mean 6, population variance (11² − 1)/12 = 10; z(11) = 5/√10 = 1.58114.
        Assert.True(z.IsApplied);
        Assert.Equal(1.58114, z.Score(11), 5);
    }

    [Fact]
    public void A_constant_series_scores_zero_instead_of_dividing_by_zero()
    {
        var z = new EmaZScore(0.01);
        for (var i = 0; i < 20; i++) z.Add(4);

        Assert.Equal(0, z.Score(4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    public void An_alpha_outside_0_to_1_is_refused(double alpha) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmaZScore(alpha));
}
