using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class DerivedFeatureTests
{
    private static readonly DateTime Start = new(2024, 1, 2, 10, 0, 0);

    private static BarPayload Bar(int index, int timeframe, double high, double low, double close, long volume = 100) =>
        new("ES", Start.AddMinutes(timeframe * index), close, high, low, close, volume, timeframe, 10, false);

    [Fact]
    public void Momentum_compares_with_the_close_five_bars_back_and_is_clipped()
    {
        var stats = new FiveMinuteStatistics();
        var closes = new[] { 100.0, 101, 102, 103, 104, 99, 120 };
        var momentum = closes.Select((c, i) => stats.Update(Bar(i, 5, c, c, c)).Momentum5).ToList();

        Assert.All(momentum.Take(5), m => Assert.Equal(0, m));   // fewer than six bars
        Assert.Equal(-1, momentum[5], 9);                           // 100·(99/100 − 1)
        Assert.Equal(10, momentum[6]);                              // 100·(120/101 − 1) = 18.8, clipped to 10
    }

    [Fact]
    public void Volume_ratio_divides_by_an_ema_that_includes_the_bar()
    {
        var stats = new FiveMinuteStatistics();

        Assert.Equal(1, stats.Update(Bar(0, 5, 1, 1, 1, volume: 100)).VolumeRatio);
        // EMA = 0.02·200 + 0.98·100 = 102.
        Assert.Equal(200 / 102.0, stats.Update(Bar(1, 5, 1, 1, 1, volume: 200)).VolumeRatio, 12);
    }

    [Fact]
    public void Zero_volume_gives_a_zero_ratio_not_a_division_by_zero()
    {
        var stats = new FiveMinuteStatistics();

        Assert.Equal(0, stats.Update(Bar(0, 5, 1, 1, 1, volume: 0)).VolumeRatio);   // 0 / ε
    }

    [Fact]
    public void Atr_is_seeded_with_the_mean_of_14_true_ranges_then_smoothed()
    {
        var stats = new ThirtyMinuteStatistics();
        // Bar k (1…14) spans 100 ± k/2 and closes at 100: TR = k.
        var atr = Enumerable.Range(1, 14).Select(k => stats.Update(Bar(k, 30, 100 + k / 2.0, 100 - k / 2.0, 100)).Atr14).ToList();
        // Bar 15: high 107.5, low 92.5: TR 15; ATR = (7.5·13 + 15)/14.
        var next = stats.Update(Bar(15, 30, 107.5, 92.5, 100)).Atr14;

        Assert.All(atr.Take(13), a => Assert.Equal(0, a));
        Assert.Equal(7.5, atr[13], 12);                            // mean of 1…14
        Assert.Equal(112.5 / 14, next, 12);
    }

    [Fact]
    public void True_range_reaches_back_to_the_previous_close()
    {
        var stats = new ThirtyMinuteStatistics();
        for (var k = 0; k < 13; k++) stats.Update(Bar(k, 30, 101, 99, 100));   // TR 2 each
        // A gap up: H − L = 1 but H − C₋₁ = 5, so TR = 5 and the seed is (13·2 + 5)/14.
        Assert.Equal(31.0 / 14, stats.Update(Bar(13, 30, 105, 104, 104.5)).Atr14, 12);
    }

    [Fact]
    public void Volatility_is_the_sample_std_of_returns_in_percent()
    {
        var stats = new ThirtyMinuteStatistics();
        stats.Update(Bar(0, 30, 100, 100, 100));
        Assert.Equal(0, stats.Update(Bar(1, 30, 101, 101, 101)).Volatility30);   // one return: no std
        var volatility = stats.Update(Bar(2, 30, 100, 100, 100)).Volatility30;

        // Returns 0.01 and 100/101 − 1; the sample std of two values is |a − b|/√2.
        Assert.Equal(100 * Math.Abs(0.01 - (100 / 101.0 - 1)) / Math.Sqrt(2), volatility, 12);
    }

    [Fact]
    public void Price_acceleration_is_the_change_of_percent_returns_clipped_to_5()
    {
        var calm = new ThirtyMinuteStatistics();
        calm.Update(Bar(0, 30, 100, 100, 100));
        calm.Update(Bar(1, 30, 101, 101, 101));
        // Returns 1 % then 2 %: acceleration 1.
        Assert.Equal(1, calm.Update(Bar(2, 30, 103.02, 103.02, 103.02)).PriceAcceleration, 9);

        var wild = new ThirtyMinuteStatistics();
        wild.Update(Bar(0, 30, 100, 100, 100));
        wild.Update(Bar(1, 30, 110, 110, 110));
        // Returns +10 % then −10 %: −20, clipped to −5.
        Assert.Equal(-5, wild.Update(Bar(2, 30, 99, 99, 99)).PriceAcceleration);
    }

    [Fact]
    public void Volume_skew_is_the_adjusted_sample_skewness()
    {
        var stats = new ThirtyMinuteStatistics();
        stats.Update(Bar(0, 30, 1, 1, 1, volume: 1));
        stats.Update(Bar(1, 30, 1, 1, 1, volume: 1));
        var skew = stats.Update(Bar(2, 30, 1, 1, 1, volume: 4)).VolumeProfileSkew;

        // Mean 2, deviations −1, −1, 2: m2 = 2, m3 = 2, g1 = 2/2^1.5 = 1/√2, G1 = g1·√(3·2)/(3 − 2) = √3.
        Assert.Equal(Math.Sqrt(3), skew, 12);
    }
}
