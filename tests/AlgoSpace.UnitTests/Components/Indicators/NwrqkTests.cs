using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class NwrqkTests
{
    [Fact]
    public void The_rational_quadratic_weights_follow_the_formula()
    {
        // h = 2, r = 1: K(i) = 1/(1 + i²/8) → 1, 8/9, 2/3.
        var weights = NwrqkIndicator.Weights(2, 1, 3);
        Assert.Equal(1, weights[0], 12);
        Assert.Equal(8.0 / 9, weights[1], 12);
        Assert.Equal(2.0 / 3, weights[2], 12);
    }

    [Fact]
    public void The_estimate_is_the_kernel_weighted_mean_of_at_most_max_lookback_closes()
    {
        // h = 2, r = 1, lag = 1 (so yhat2 uses h = 1: K = 1, 2/3, 1/3), max_lookback = 3, ready from bar x₀ + 1 = 3.
        var nwrqk = new NwrqkIndicator(new NwrqkSettings { H = 2, R = 1, Lag = 1, X0 = 2, MaxLookback = 3 });

        var bar1 = nwrqk.Update(10);
        var bar2 = nwrqk.Update(13);
        var bar3 = nwrqk.Update(16);
        var bar4 = nwrqk.Update(19);

        Assert.Equal(NwrqkResult.NotReady, bar1);
        Assert.Equal(NwrqkResult.NotReady, bar2);
        // yhat1 = (16 + 13·8/9 + 10·2/3)/(1 + 8/9 + 2/3) = 308/23; yhat1 at bar 2 = (13 + 10·8/9)/(17/9) = 197/17.
        Assert.True(bar3.Ready);
        Assert.Equal(308.0 / 23, bar3.Yhat1, 9);
        Assert.Equal(308.0 / 23 - 197.0 / 17, bar3.Slope, 9);
        // yhat2 = (16 + 13·2/3 + 10·1/3)/(1 + 2/3 + 1/3) = 28/2.
        Assert.Equal(14, bar3.Yhat2, 9);
        // Bar 4 sums only 19, 16, 13 (the 10 is beyond max_lookback): (171 + 128 + 78)/23.
        Assert.Equal(377.0 / 23, bar4.Yhat1, 9);
    }

    [Fact]
    public void The_signal_marks_the_bar_the_estimate_turns()
    {
        // max_lookback = 1: the estimate is the close itself, so slopes are the close's changes.
        var nwrqk = new NwrqkIndicator(new NwrqkSettings { H = 8, R = 8, Lag = 2, X0 = 0, MaxLookback = 1 });
        var closes = new[] { 10.0, 12, 11, 10, 13, 14, 12 };
        var results = closes.Select(nwrqk.Update).ToList();

        // Slopes: –, +2, −1, −1, +3, +1, −2: turns down at bar 3, up at bar 5, down at bar 7.
        Assert.Equal([0, 2, -1, -1, 3, 1, -2], results.Select(r => r.Slope));
        Assert.Equal([0, 0, -1, 0, 1, 0, -1], results.Select(r => r.Signal));
    }

    [Fact]
    public void A_bandwidth_no_larger_than_the_lag_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new NwrqkIndicator(new NwrqkSettings { H = 2, Lag = 2 }));
        Assert.Contains("must exceed lag", error.Message);
    }

    [Fact]
    public void The_indicator_continues_from_a_restored_state()
    {
        var settings = new NwrqkSettings { H = 2, R = 1, Lag = 1, X0 = 2, MaxLookback = 3 };
        var original = new NwrqkIndicator(settings);
        original.Update(10);
        original.Update(13);
        var restored = new NwrqkIndicator(settings);
        restored.RestoreState((NwrqkState)OrleansRoundTrip.Copy(original.SaveState()));

        var bar3 = restored.Update(16);

        // As bar 3 of the hand-worked series above: the closes and the previous estimate came through the snapshot.
        Assert.True(bar3.Ready);
        Assert.Equal(308.0 / 23, bar3.Yhat1, 9);
        Assert.Equal(308.0 / 23 - 197.0 / 17, bar3.Slope, 9);
    }
}
