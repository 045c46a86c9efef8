using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.Indicators.IndicatorBars;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class LvnProfileTests
{
    private static LvnProfile ThreeBarProfile(double tick = 1.0) => new(new LvnSettings { VolumeProfileDays = 3, StrengthThreshold = 0.7 }, tick);

    // b1 [100, 104] 500 → 100 on each of 100..104
    // b2 [102, 103] 400 → 200 on 102 and 103
    // b3 [104, 108] 100 → 20 on each of 104..108
    // Profile: 100:100 101:100 102:300 103:300 104:120 105:20 106:20 107:20 108:20
    private static readonly BarPayload[] ThreeBars =
    [
        Bar(0, 104, 100, 103, 500),
        Bar(1, 103, 102, 102.5, 400),
        Bar(2, 108, 104, 104.6, 100),
    ];

    [Fact]
    public void The_profile_spreads_each_bars_volume_evenly_over_its_tick_levels()
    {
        var lvn = ThreeBarProfile();
        foreach (var bar in ThreeBars) lvn.Update(bar);

        var profile = lvn.CurrentProfile()!;

        Assert.Equal(1.0, profile.Step);
        Assert.Equal(Enumerable.Range(100, 9).Select(p => (double)p), Enumerable.Range(0, profile.LevelCount).Select(profile.PriceAt));
        Assert.Equal([100, 100, 300, 300, 120, 20, 20, 20, 20], profile.Volumes);
        // 102 and 103 tie at 300; the lower level is the POC.
        Assert.Equal(102.0, profile.PriceAt(profile.PocLevel));
    }

    [Fact]
    public void The_nearest_low_volume_node_its_distance_and_strength_are_reported_on_the_third_bar()
    {
        var lvn = ThreeBarProfile();
        lvn.Update(ThreeBars[0]);
        lvn.Update(ThreeBars[1]);

        var result = lvn.Update(ThreeBars[2]);

        // LVN: volume < 0.3 · 300 = 90 → 105..108 (100 and 101 hold 100: not below 90). Close 104.6: 105 is 0.4 away.
        // Strength of 105 (v 20, POC 300):
        //   volume    40(1 - 20/300)                                  = 37.3333
        //   tests     b2: prev close 103 < 105, 105 - high 103 = 2 > 0.5·1 → no test;
        //             b3: prev close 102.5 < 105, 105 - 108 = -3 ≤ 0.5·4 → test; 1 test → 3
        //   rejection b3 closes 104.6 < 105, back below: (108 - 104.6)/4 = 0.85 → 15·0.85 = 12.75
        //   recency   b3's [104, 108] contains 105: barsSinceTouch 0 → 20
        //   proximity 10(1 - 0.4/4) = 9
        //   total 37.3333 + 3 + 12.75 + 20 + 9 = 82.0833
        Assert.True(result.Ready);
        Assert.Equal(105.0, result.NearestPrice);
        Assert.Equal(0.4, result.DistancePoints, 10);
        Assert.Equal(82.083333, result.NearestStrength, 5);
    }

    [Fact]
    public void Results_are_zeros_until_the_profile_window_is_full()
    {
        var lvn = ThreeBarProfile();

        Assert.Equal(default, lvn.Update(ThreeBars[0]));
        Assert.Equal(default, lvn.Update(ThreeBars[1]));
        Assert.True(lvn.Update(ThreeBars[2]).Ready);
    }

    [Fact]
    public void The_default_settings_wait_for_twenty_bars()
    {
        var lvn = new LvnProfile(new LvnSettings(), 0.25);
        var bars = RandomWalk(20, seed: 3);

        Assert.All(bars.Take(19), bar => Assert.Equal(default, lvn.Update(bar)));
        Assert.True(lvn.Update(bars[19]).Ready);
    }

    [Fact]
    public void Levels_follow_the_es_quarter_point_tick()
    {
        var lvn = new LvnProfile(new LvnSettings { VolumeProfileDays = 2 }, 0.25);
        // [5000.00, 5001.00] → 5 levels of 40; [5000.50, 5000.75] → 2 levels of 100.
        lvn.Update(Bar(0, 5001, 5000, 5000.5, 200));
        var result = lvn.Update(Bar(1, 5000.75, 5000.5, 5000.75, 200));

        var profile = lvn.CurrentProfile()!;
        Assert.Equal([40, 40, 140, 140, 40], profile.Volumes);
        Assert.Equal(5000.0, profile.PriceAt(0));
        // LVN: < 0.3 · 140 = 42 → 5000.00, 5000.25, 5001.00; nearest to 5000.75 is 5001.00, 0.25 away.
        Assert.Equal(5001.0, result.NearestPrice);
        Assert.Equal(0.25, result.DistancePoints, 10);
    }

    [Fact]
    public void A_profile_over_a_very_wide_range_is_coarsened_to_at_most_max_levels()
    {
        var lvn = new LvnProfile(new LvnSettings { VolumeProfileDays = 1 }, 0.25);
        lvn.Update(Bar(0, 21000, 1000, 1500, 1_000_000));

        var profile = lvn.CurrentProfile()!;

        // 4000..84000 ticks is 80,001 levels; ceil(80001/2000) = 41 ticks per level, step 10.25:
        // levels ceil(1000/10.25) = 98 .. floor(21000/10.25) = 2048 → 1951 levels.
        Assert.Equal(10.25, profile.Step);
        Assert.Equal(1951, profile.LevelCount);
        Assert.True(profile.LevelCount <= VolumeProfile.MaxLevels);
    }

    [Fact]
    public void A_flat_profile_has_no_low_volume_node_and_is_not_ready()
    {
        var lvn = ThreeBarProfile();
        lvn.Update(Bar(0, 102, 100, 101, 300));
        lvn.Update(Bar(1, 102, 100, 101, 300));

        Assert.Equal(default, lvn.Update(Bar(2, 102, 100, 101, 300)));
    }

    [Fact]
    public void A_bar_with_high_below_low_is_rejected_with_its_time()
    {
        var lvn = ThreeBarProfile();

        var error = Assert.Throws<ArgumentException>(() => lvn.Update(Bar(0, 99, 100, 99.5, 10)));
        Assert.Contains("2024-01-02T09:30:00", error.Message);
    }

    [Fact]
    public void A_restored_profile_continues_exactly_like_the_original()
    {
        var bars = RandomWalk(90, seed: 11);
        var original = new LvnProfile(new LvnSettings(), 0.25);
        foreach (var bar in bars.Take(60)) original.Update(bar);

        var restored = new LvnProfile(new LvnSettings(), 0.25);
        restored.RestoreState((LvnProfileState)OrleansRoundTrip.Copy(original.SaveState()));

        foreach (var bar in bars.Skip(60)) Assert.Equal(original.Update(bar), restored.Update(bar));
    }
}
