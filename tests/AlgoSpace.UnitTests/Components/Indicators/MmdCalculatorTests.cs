using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.Indicators.IndicatorBars;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class MmdCalculatorTests
{
    // Bars 1..102: close 100 + i up to bar 101 (201), then bar 102 closes 195; high/low = close ± 1;
    // volume 100, the last 400.
    private static double CloseOf(int i) => i <= 101 ? 100 + i : 195;

    private static List<BarPayload> RampThenDrop() =>
        [.. Enumerable.Range(1, 102).Select(i => Bar(i, CloseOf(i) + 1, CloseOf(i) - 1, CloseOf(i), i == 102 ? 400 : 100))];

    private static MmdResult Run(MmdCalculator calculator, IEnumerable<BarPayload> bars)
    {
        MmdResult? last = null;
        foreach (var bar in bars) last = calculator.Update(bar);
        return last!;
    }

    [Fact]
    public void The_vector_is_23_zeros_and_not_ready_until_bar_102()
    {
        var calculator = new MmdCalculator();
        var bars = RampThenDrop();

        foreach (var bar in bars.Take(101))
        {
            var result = calculator.Update(bar);
            Assert.False(result.Ready);
            Assert.Equal(new double[23], result.Features);
        }
        var ready = calculator.Update(bars[101]);
        Assert.True(ready.Ready);
        Assert.Equal(23, ready.Features.Length);
        Assert.Contains(ready.Features, f => f != 0);
    }

    [Fact]
    public void The_bar_statistics_columns_match_the_hand_arithmetic()
    {
        var f = Run(new MmdCalculator(), RampThenDrop()).Features;

        Assert.Equal(195.0 / 201 - 1, f[7], 12);            // r = -6/201
        Assert.Equal(Math.Log(195.0 / 201), f[8], 12);      // ℓ
        Assert.Equal(2.0 / 201, f[9], 12);                  // g = (196 - 194)/201
        Assert.Equal(195.0 / 182 - 1, f[11], 12);           // momentum 20: close of bar 82 is 182
        Assert.Equal(195.0 / 152 - 1, f[12], 12);           // momentum 50: bar 52 closed 152
        Assert.Equal(400.0 / 115, f[13], 12);               // SMA20(V) = (19·100 + 400)/20 = 115
        Assert.Equal(195.0 / 197 - 1, f[16], 12);           // momentum 5
        Assert.Equal(195.0 / 192 - 1, f[17], 12);           // momentum 10
        Assert.Equal(100 - 600.0 / 19, f[18], 10);          // last 14 changes: 13 gains of 1, one loss of 6: RS 13/6
        Assert.Equal(f[13], f[20]);                         // volume spike = 13
        Assert.Equal(-6.0 / 201 - 1.0 / 200, f[21], 12);    // r_t - r_(t-1), r_(t-1) = 201/200 - 1
        Assert.Equal(f.Take(7).Average(), f[22], 12);
    }

    [Fact]
    public void Volatility_and_the_volatility_ratio_use_sample_standard_deviations_of_the_returns()
    {
        var f = Run(new MmdCalculator(), RampThenDrop()).Features;
        var returns = Enumerable.Range(2, 101).Select(i => CloseOf(i) / CloseOf(i - 1) - 1).ToArray(); // bars 2..102

        Assert.Equal(SampleStd(returns[^20..]) * Math.Sqrt(252 * 48), f[10], 12);
        Assert.Equal(SampleStd(returns[^20..]) / SampleStd(returns[^100..]), f[19], 12);
    }

    [Fact]
    public void One_large_loss_after_a_smooth_ramp_gives_strong_negative_skew_and_fat_tails()
    {
        var f = Run(new MmdCalculator(), RampThenDrop()).Features;

        // 49 small positive returns and one of -3 %: one outlier among n ≈ constant values has skew ≈ -(n-2)/√(n-1)
        // ≈ -6.9 and excess kurtosis ≈ n - 6 ≈ 44.
        Assert.InRange(f[14], -7.5, -6.0);
        Assert.InRange(f[15], 38, 50);
    }

    [Fact]
    public void Skewness_and_excess_kurtosis_use_population_moments()
    {
        // [1, 2, 3, 4, 10]: mean 4, deviations -3 -2 -1 0 6; m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8.
        double[] values = [1, 2, 3, 4, 10];
        Assert.Equal(36 / Math.Pow(10, 1.5), SampleStatistics.Skewness(values), 12); // 1.1384
        Assert.Equal(278.8 / 100 - 3, SampleStatistics.ExcessKurtosis(values), 12); // -0.212
        Assert.Equal(0.0, SampleStatistics.Skewness([5, 5, 5]));
    }

    [Fact]
    public void Rsi_uses_simple_means_of_gains_and_losses()
    {
        // Changes +1, -0.5, +1.5: gains 2.5, losses 0.5, RS 5 → 100 - 100/6.
        Assert.Equal(100 - 100.0 / 6, SampleStatistics.SimpleRsi([10, 11, 10.5, 12], 3), 12);
        Assert.Equal(100.0, SampleStatistics.SimpleRsi([1, 2, 3], 2));
        Assert.Equal(50.0, SampleStatistics.SimpleRsi([3, 3, 3], 2));
    }

    [Fact]
    public void Robust_scaling_centres_on_the_median_and_divides_by_1_4826_mad_per_column()
    {
        // Column 0: [1, 2, 3, 4, 100]: median 3, |deviations| 2 1 0 1 97 → MAD 1 → scale 1.4826.
        // Column 1: [10, 10, 10, 12, 20]: median 10, |deviations| 0 0 0 2 10 → MAD 0 → ε = 1e-10.
        double[] rows = [1, 10, 2, 10, 3, 10, 4, 12, 100, 20];

        var scaled = RobustScaler.Scale(rows, 2);

        Assert.Equal(-2 / 1.4826, scaled[0], 12);
        Assert.Equal(0.0, scaled[4], 12);
        Assert.Equal(97 / 1.4826, scaled[8], 10);
        Assert.Equal(0.0, scaled[1]);
        Assert.Equal(2e10, scaled[7], 1);
    }

    [Fact]
    public void A_restored_calculator_continues_exactly_like_the_original()
    {
        var bars = RandomWalk(140, seed: 21);
        foreach (var cut in new[] { 50, 115 })
        {
            var original = new MmdCalculator();
            Run(original, bars.Take(cut));
            var restored = new MmdCalculator();
            restored.RestoreState((MmdCalculatorState)OrleansRoundTrip.Copy(original.SaveState()));

            foreach (var bar in bars.Skip(cut))
            {
                var expected = original.Update(bar);
                var actual = restored.Update(bar);
                Assert.Equal(expected.Ready, actual.Ready);
                Assert.Equal(expected.Features, actual.Features);
            }
        }
    }

    [Fact]
    public void Two_fresh_calculators_give_identical_outputs()
    {
        var bars = RandomWalk(130, seed: 8);
        var first = new MmdCalculator();
        var second = new MmdCalculator();

        foreach (var bar in bars) Assert.Equal(first.Update(bar).Features, second.Update(bar).Features);
    }

    [Fact]
    public void Mmd_features_are_finite_and_non_negative_on_a_random_walk()
    {
        var f = Run(new MmdCalculator(), RandomWalk(130, seed: 4)).Features;

        Assert.All(f, v => Assert.True(double.IsFinite(v)));
        Assert.All(f.Take(7), v => Assert.True(v >= 0));
    }

    [Fact]
    public void A_bar_with_a_non_finite_price_is_rejected_with_its_time()
    {
        var error = Assert.Throws<ArgumentException>(() => new MmdCalculator().Update(Bar(0, double.NaN, 1, 1, 1)));
        Assert.Contains("2024-01-02T09:30:00", error.Message);
    }

    private static double SampleStd(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
