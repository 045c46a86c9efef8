using AlgoSpace.Grains.Components.Indicators;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class MmdSamplerTests
{
    private const int Draws = 20_000;

    [Fact]
    public void SplitMix64_from_seed_zero_gives_the_published_first_value()
    {
        // Java's SplittableRandom(0).nextLong() = -2152535657050944081 = 0xE220A8397B1DCDAF.
        ulong state = 0;
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256StarStar.SplitMix64(ref state));
    }

    [Fact]
    public void The_same_seed_gives_the_same_sequence_and_another_seed_another()
    {
        var a = new Xoshiro256StarStar(7);
        var b = new Xoshiro256StarStar(7);
        var c = new Xoshiro256StarStar(8);
        var first = Enumerable.Range(0, 5).Select(_ => a.NextUInt64()).ToArray();

        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 5).Select(_ => c.NextUInt64()));
    }

    // Tolerances are about four standard errors of the sample mean (sd/√20000) and a few percent on the spread.

    [Fact]
    public void Normal_draws_have_the_requested_mean_and_standard_deviation()
    {
        var values = Sample(s => s.Normal(1e-4, 0.01));
        Assert.Equal(1e-4, values.Average(), 3e-4);
        Assert.Equal(0.01, Std(values), 3e-4);
    }

    [Theory]
    [InlineData(2.0, 0.005)]
    [InlineData(0.5, 0.005)] // shape below 1: the boosted branch
    [InlineData(4.0, 0.01)]
    public void Gamma_draws_have_mean_shape_times_scale_and_variance_shape_times_scale_squared(double shape, double scale)
    {
        var values = Sample(s => s.Gamma(shape, scale));
        var sd = Math.Sqrt(shape) * scale;
        Assert.Equal(shape * scale, values.Average(), 4 * sd / Math.Sqrt(Draws));
        Assert.Equal(sd, Std(values), 0.04 * sd);
        Assert.All(values, v => Assert.True(v > 0));
    }

    [Fact]
    public void Beta_2_5_draws_have_mean_two_sevenths_and_stay_in_zero_one()
    {
        // Var = ab/((a+b)²(a+b+1)) = 10/392, sd 0.1597.
        var values = Sample(s => s.Beta(2, 5));
        Assert.Equal(2.0 / 7.0, values.Average(), 0.005);
        Assert.Equal(Math.Sqrt(10.0 / 392.0), Std(values), 0.005);
        Assert.All(values, v => Assert.InRange(v, 0.0, 1.0));
    }

    [Fact]
    public void LogNormal_draws_have_mean_exp_mu_plus_half_sigma_squared()
    {
        // exp(-5 + 0.125) = 0.0076350; sd = mean·√(e^0.25 - 1) = 0.004069.
        var values = Sample(s => s.LogNormal(-5, 0.5));
        Assert.Equal(Math.Exp(-4.875), values.Average(), 1.2e-4);
    }

    private static double[] Sample(Func<DistributionSampler, double> draw)
    {
        var sampler = new DistributionSampler(new Xoshiro256StarStar(99));
        return Enumerable.Range(0, Draws).Select(_ => draw(sampler)).ToArray();
    }

    private static double Std(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
