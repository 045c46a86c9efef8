using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class FairValueGapTrackerTests
{
    private static readonly DateTime Start = new(2024, 1, 2, 10, 0, 0);
    private int _bars;

    private BarPayload Bar(double open, double high, double low, double close) =>
        new("ES", Start.AddMinutes(5 * _bars++), open, high, low, close, 100, 5, 10, false);

    private static FairValueGapTracker Tracker(int maxAge = 50) => new(new FvgSettings { MaxAge = maxAge });

    /// <summary>a, b, c of a bullish gap: zone [H_a, L_c] = [101, 103]; b's body 5 against a's 0.5 (1.5·0.5 = 0.75).</summary>
    private FvgFeatures BullishGap(FairValueGapTracker tracker)
    {
        tracker.Update(Bar(100, 101, 99, 100.5));
        tracker.Update(Bar(100.5, 106, 100, 105.5));
        return tracker.Update(Bar(105.5, 107, 103, 106));
    }

    [Fact]
    public void A_bullish_gap_is_found_with_its_zone_midpoint_and_size()
    {
        var features = BullishGap(Tracker());

        // L_c 103 > H_a 101, C_b 105.5 > 101, (103 − 101)/106 = 0.019 ≥ 0.001, body 5 > 0.75.
        Assert.True(features.BullishActive);
        Assert.False(features.BearishActive);
        Assert.Equal(102, features.NearestLevel);
        Assert.Equal(0, features.Age);
        Assert.Equal(2, features.GapSize);
        Assert.Equal(100 * 2 / 106.0, features.GapSizePct, 12);
        Assert.False(features.MitigationSignal);
    }

    [Fact]
    public void A_bearish_gap_is_the_mirror_image()
    {
        var tracker = Tracker();
        tracker.Update(Bar(100, 101, 99, 99.5));
        tracker.Update(Bar(99.5, 100, 94, 94.5));
        var features = tracker.Update(Bar(94.5, 97, 93, 94));

        // H_c 97 < L_a 99, C_b 94.5 < 99, (99 − 97)/94 ≥ 0.001: zone [97, 99].
        Assert.True(features.BearishActive);
        Assert.False(features.BullishActive);
        Assert.Equal(98, features.NearestLevel);
        Assert.Equal(2, features.GapSize);
    }

    [Fact]
    public void A_middle_bar_with_a_small_body_makes_no_gap()
    {
        var tracker = Tracker();
        tracker.Update(Bar(100, 101, 99, 100.8));                    // body 0.8 → the filter needs more than 1.2
        tracker.Update(Bar(104, 106, 100, 105));                     // body 1
        var features = tracker.Update(Bar(105.5, 107, 103, 106));    // the price conditions hold

        Assert.False(features.BullishActive);
        Assert.Empty(tracker.Live);
    }

    [Fact]
    public void A_gap_smaller_than_the_threshold_is_ignored()
    {
        var tracker = Tracker();
        tracker.Update(Bar(100, 101, 99, 100.5));
        tracker.Update(Bar(100.5, 106, 100, 105.5));
        // (101.05 − 101)/106 = 0.00047 < 0.001.
        var features = tracker.Update(Bar(105.5, 107, 101.05, 106));

        Assert.False(features.BullishActive);
    }

    [Fact]
    public void Mitigation_raises_the_signal_on_that_bar_only_and_reports_the_gap()
    {
        var tracker = Tracker();
        BullishGap(tracker);

        var mitigated = tracker.Update(Bar(106, 106, 100, 100.5));   // close 100.5 ≤ lower 101
        var after = tracker.Update(Bar(100.5, 103.5, 100.2, 100.4)); // a quiet bar: no new gap

        Assert.True(mitigated.MitigationSignal);
        Assert.True(mitigated.BullishMitigated);
        Assert.Equal(2, mitigated.BullishMitigatedSize);
        Assert.Equal(102, mitigated.BullishMitigatedLevel);
        Assert.False(mitigated.BearishMitigated);
        Assert.False(mitigated.BullishActive);
        Assert.False(after.MitigationSignal);
        Assert.False(after.BullishMitigated);
        Assert.Empty(tracker.Live);
    }

    [Fact]
    public void A_gap_older_than_max_age_is_dropped_without_a_signal()
    {
        var tracker = Tracker(maxAge: 2);
        BullishGap(tracker);                                         // formed at bar 2

        var age1 = tracker.Update(Bar(106, 107, 105, 106));
        var age2 = tracker.Update(Bar(106, 107, 105, 106));
        var dropped = tracker.Update(Bar(106, 106, 100.5, 100.8));   // age 3 > 2, although the close is below 101

        Assert.Equal((true, 1), (age1.BullishActive, age1.Age));
        Assert.Equal((true, 2), (age2.BullishActive, age2.Age));
        Assert.False(dropped.BullishActive);
        Assert.False(dropped.MitigationSignal);
    }

    [Fact]
    public void The_tracker_continues_from_a_restored_state()
    {
        var tracker = Tracker();
        BullishGap(tracker);
        var restored = Tracker();
        restored.RestoreState((FairValueGapTrackerState)OrleansRoundTrip.Copy(tracker.SaveState()));

        var features = restored.Update(Bar(106, 107, 105, 106));

        Assert.Equal((true, 1, 102.0), (features.BullishActive, features.Age, features.NearestLevel));
    }
}
