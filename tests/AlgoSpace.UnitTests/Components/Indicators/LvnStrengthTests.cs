using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.Indicators.IndicatorBars;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class LvnStrengthTests
{
    [Fact]
    public void Tests_from_both_sides_rejections_recency_and_proximity_are_scored_as_worked_by_hand()
    {
        // Level P = 100 with volume 30 against a POC of 120.
        BarPayload[] bars =
        [
            Bar(0, 103, 101, 102, 1),     // supplies the previous close 102
            Bar(1, 103, 100.5, 102.5, 1), // from above: low - P = 0.5 ≤ 0.5·2.5 → test; closes above: (102.5-100.5)/2.5 = 0.8
            Bar(2, 101, 99, 99.5, 1),     // from above (102.5): low goes through → test; closes below → rejection 0; touch
            Bar(3, 99.8, 99, 99.2, 1),    // from below (99.5): P - high = 0.2 ≤ 0.5·0.8 → test; closes below: (99.8-99.2)/0.8 = 0.75
            Bar(4, 99.3, 98, 98.5, 1),    // from below (99.2): P - high = 0.7 > 0.5·1.3 → no test
        ];

        var strength = LvnStrength.Score(100, 30, 120, bars);

        Assert.Equal(30.0, strength.Volume, 10);        // 40(1 - 30/120)
        Assert.Equal(9.0, strength.Tests, 10);          // 3 tests · 3
        Assert.Equal(7.75, strength.Rejection, 10);     // 15 · (0.8 + 0 + 0.75)/3 = 15 · 1.55/3
        Assert.Equal(19.2, strength.Recency, 10);       // last touch bar 2, two bars back: 20(1 - 2/50)
        Assert.Equal(0.0, strength.Proximity, 10);      // |98.5 - 100| = 1.5 ≥ range 1.3
        Assert.Equal(65.95, strength.Total, 10);        // 30 + 9 + 7.75 + 19.2 + 0
    }

    [Fact]
    public void Tests_are_capped_at_fifteen_points_and_a_touch_older_than_fifty_bars_scores_no_recency()
    {
        // Bar 0 touches 100; then 59 bars alternate closes 101 and 100.5 with lows 100.3 (above P, 0.3 within half the
        // 0.9 range): every one from bar 1 on is a test, and none touches.
        var bars = new List<BarPayload> { Bar(0, 101, 99, 101, 1) };
        for (var i = 1; i < 60; i++) bars.Add(Bar(i, 101.2, 100.3, i % 2 == 0 ? 101 : 100.5, 1));

        var strength = LvnStrength.Score(100, 0, 120, bars);

        Assert.Equal(15.0, strength.Tests);
        Assert.Equal(0.0, strength.Recency);
        Assert.Equal(40.0, strength.Volume);
        // Only the last 50 bars count; each closes above P, rejection (C - 100.3)/0.9: 25 bars of 0.7/0.9 and 25 of
        // 0.2/0.9, mean 0.5 → 7.5.
        Assert.Equal(7.5, strength.Rejection, 10);
    }

    [Fact]
    public void A_close_exactly_on_the_level_scores_full_proximity_even_on_a_bar_without_range()
    {
        var strength = LvnStrength.Score(100, 0, 10, [Bar(0, 100, 100, 100, 1)]);

        Assert.Equal(10.0, strength.Proximity);
        Assert.Equal(20.0, strength.Recency);
        Assert.Equal(0.0, strength.Tests);
    }
}
