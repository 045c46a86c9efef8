using AlgoSpace.Grains.Components.Synergy;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.FeatureStore;
using static AlgoSpace.Tests.Components.Synergy.SynergySignals;

namespace AlgoSpace.Tests.Components.Synergy;

public sealed class SynergyPatternTrackerTests
{
    private static SynergyPatternTracker Tracker() => new(new SynergyDetectorSettings());

    private static List<SynergyDetectedPayload> Run(SynergyPatternTracker tracker, params IndicatorsReadyPayload[] events) =>
        events.Select(tracker.Process).Where(e => e.Detected is not null).Select(e => e.Detected!).ToList();

    [Theory]
    [InlineData("mlmi", "nwrqk", "fvg", "TYPE_1")]
    [InlineData("mlmi", "fvg", "nwrqk", "TYPE_2")]
    [InlineData("nwrqk", "fvg", "mlmi", "TYPE_3")]
    [InlineData("nwrqk", "mlmi", "fvg", "TYPE_4")]
    public void Each_order_of_three_signals_is_its_pattern_type(string first, string second, string third, string type)
    {
        var tracker = Tracker();

        var detected = Run(tracker, Signal(first, 0), Event(1), Signal(second, 3), Signal(third, 6));

        var synergy = Assert.Single(detected);
        Assert.Equal(type, synergy.SynergyType);
        Assert.Equal([first, second, third], synergy.SignalSequence.Select(s => s.Type));
        Assert.Equal([0L, 3L, 6L], synergy.SignalSequence.Select(s => s.BarIndex));
        Assert.Equal(6, synergy.FeaturesSeq);
    }

    [Fact]
    public void The_payload_carries_every_field_of_the_contract()
    {
        var tracker = Tracker();
        var completing = Fvg(7) with
        {
            Derived = new DerivedFeatures(5001.5, 1200, 0.4, 1.3, 0.8, 0.2, -0.1, 6.25, 61, 0.5),
            Features30m = ThirtyMinuteFeatures.Defaults with { LvnNearestPrice = 4990, LvnNearestStrength = 72, LvnDistancePoints = 11.5 },
        };

        var synergy = Assert.Single(Run(tracker, Mlmi(0), Nwrqk(6), completing));

        Assert.Equal(("TYPE_1", 1, 1.0, "ES", 7L), (synergy.SynergyType, synergy.Direction, synergy.Confidence, synergy.Symbol, synergy.FeaturesSeq));
        Assert.Equal(Day.AddMinutes(40), synergy.Timestamp);                       // seq 7 closes at 8·5 minutes
        var mlmi = synergy.SignalSequence[0];
        Assert.Equal(("mlmi", 90.0, 1, 0.8, Day.AddMinutes(5), 0L), (mlmi.Type, mlmi.Value, mlmi.Signal, mlmi.Strength, mlmi.Timestamp, mlmi.BarIndex));
        var nwrqk = synergy.SignalSequence[1];
        Assert.Equal(("nwrqk", 1.0, 1, 0.5, 6L), (nwrqk.Type, nwrqk.Value, nwrqk.Signal, nwrqk.Strength, nwrqk.BarIndex));
        var fvg = synergy.SignalSequence[2];
        // 25 points / 5001.5 = 0.0049985; strength 0.0049985/0.01 = 0.49985.
        Assert.Equal(("fvg", 1, 7L), (fvg.Type, fvg.Signal, fvg.BarIndex));
        Assert.Equal(25 / 5001.5, fvg.Value, 12);
        Assert.Equal(25 / 5001.5 / 0.01, fvg.Strength, 12);
        Assert.Equal(new SignalStrengths(0.8, 0.5, fvg.Strength), synergy.SignalStrengths);
        Assert.Equal(new MarketContext(5001.5, 0.8, 1.3, 0.4, 6.25, 61, 0.5, new NearestLvn(4990, 72, 11.5)), synergy.MarketContext);
        // bars = 7 − 0 + 1 = 8; mean strength (0.8 + 0.5 + 0.49985)/3 = 0.59995;
        // quality = 0.6·0.59995 + 0.3·(1 − 8/10) + 0.1 = 0.35997 + 0.06 + 0.1 = 0.51997.
        Assert.Equal(8, synergy.Metadata.BarsToComplete);
        Assert.Equal(0.51997, synergy.Metadata.PatternQuality, 5);
        Assert.Equal(synergy.Timestamp, synergy.Metadata.DetectionTimestamp);
    }

    [Fact]
    public void An_fvg_cannot_start_a_sequence()
    {
        var tracker = Tracker();

        var evaluation = tracker.Process(Fvg(0));

        Assert.Empty(tracker.Sequence);
        Assert.Equal(SynergyPhase.Idle, tracker.Phase);
        Assert.Equal(SequenceNoteKind.FvgCannotStart, Assert.Single(evaluation.Notes).Kind);
        // So fvg → mlmi → nwrqk is no pattern: the sequence is mlmi, nwrqk only.
        Assert.Empty(Run(tracker, Mlmi(1), Nwrqk(2)));
        Assert.Equal(["mlmi", "nwrqk"], tracker.Sequence.Select(s => s.Type));
    }

    [Fact]
    public void A_signal_in_the_other_direction_resets_and_restarts_the_sequence_with_it()
    {
        var tracker = Tracker();

        var detected = Run(tracker, Mlmi(0, +1), Nwrqk(6, -1), Fvg(7, -1), Mlmi(12, -1));

        // nwrqk− replaced mlmi+, so the pattern is nwrqk → fvg → mlmi, bearish, from bar 6 to 12.
        var synergy = Assert.Single(detected);
        Assert.Equal(("TYPE_3", -1, 7L), (synergy.SynergyType, synergy.Direction, synergy.Metadata.BarsToComplete));
    }

    [Fact]
    public void A_sequence_still_open_after_the_time_window_expires()
    {
        var tracker = Tracker();

        var detected = Run(tracker, Mlmi(0), Nwrqk(6), Fvg(11));

        // 11 − 0 = 11 > 10 bars: the sequence expired, and the fvg cannot start a new one.
        Assert.Empty(detected);
        Assert.Empty(tracker.Sequence);
    }

    [Fact]
    public void A_pattern_completed_exactly_at_the_window_counts_and_its_slowness_lowers_its_quality()
    {
        var tracker = Tracker();

        var synergy = Assert.Single(Run(tracker, Mlmi(0), Nwrqk(6), Fvg(10)));

        // bars = 10 − 0 + 1 = 11; mean strength (0.8 + 0.5 + 0.5)/3 = 0.6;
        // quality = 0.36 + 0.3·(1 − 11/10) + 0.1 = 0.36 − 0.03 + 0.1 = 0.43.
        Assert.Equal(11, synergy.Metadata.BarsToComplete);
        Assert.Equal(0.43, synergy.Metadata.PatternQuality, 12);
    }

    [Fact]
    public void A_duplicate_signal_type_is_ignored_and_the_first_one_kept()
    {
        var tracker = Tracker();

        var detected = Run(tracker, Mlmi(0), Mlmi(6).WithNwrqk(1), Fvg(7));

        var synergy = Assert.Single(detected);
        Assert.Equal("TYPE_1", synergy.SynergyType);
        Assert.Equal([0L, 6L, 7L], synergy.SignalSequence.Select(s => s.BarIndex));
    }

    [Fact]
    public void A_pattern_completed_in_the_cooldown_is_discarded_and_one_at_cooldown_bars_is_emitted()
    {
        var tracker = Tracker();
        Assert.Single(Run(tracker, Mlmi(0), Nwrqk(1), Fvg(2)));
        Assert.Equal(SynergyPhase.Cooldown, tracker.Phase);

        // Completes at 6: 6 − 2 = 4 < 5 → discarded and reset.
        var discarded = Run(tracker, Mlmi(3), Nwrqk(4), Fvg(6));
        Assert.Empty(discarded);
        Assert.Empty(tracker.Sequence);

        // All three signals on bar 7: 7 − 2 = 5, not fewer than 5 → emitted; bars 1, quality 0.36 + 0.27 + 0.1 = 0.73.
        var synergy = Assert.Single(Run(tracker, Mlmi(7).WithNwrqk(1).WithFvg(1)));
        Assert.Equal(("TYPE_1", 1L), (synergy.SynergyType, synergy.Metadata.BarsToComplete));
        Assert.Equal(0.73, synergy.Metadata.PatternQuality, 12);
    }

    [Fact]
    public void The_cooldown_ends_after_cooldown_bars()
    {
        var tracker = Tracker();
        Run(tracker, Mlmi(0), Nwrqk(1), Fvg(2));

        Run(tracker, Event(6));
        Assert.Equal(SynergyPhase.Cooldown, tracker.Phase);
        Run(tracker, Event(7));
        Assert.Equal(SynergyPhase.Idle, tracker.Phase);
    }

    [Fact]
    public void When_both_sides_are_mitigated_the_bullish_gap_wins()
    {
        var tracker = Tracker();
        var tie = Event(2) with
        {
            Fvg = FvgFeatures.None with
            {
                MitigationSignal = true,
                BullishMitigated = true,
                BullishMitigatedSize = 25,
                BearishMitigated = true,
                BearishMitigatedSize = 40,
            },
        };

        var synergy = Assert.Single(Run(tracker, Mlmi(0), Nwrqk(1), tie));

        // Bullish: +1 and the bullish size 25/5000 = 0.005 → strength 0.5 (the bearish 40 points would give 0.8).
        Assert.Equal(1, synergy.SignalSequence[2].Signal);
        Assert.Equal(0.5, synergy.SignalStrengths.Fvg, 12);
    }

    [Fact]
    public void Mlmi_and_nwrqk_count_only_when_the_30_minute_path_ran()
    {
        var tracker = Tracker();

        Run(tracker, Event(0).WithMlmi(1).WithNwrqk(1));

        Assert.Empty(tracker.Sequence);
        Assert.Equal(SynergyPhase.Idle, tracker.Phase);
    }

    [Theory]
    [InlineData(70.0, 1.0, 25.0, "nwrqk,fvg")]     // |70 − 50| = 20 < 0.5·50: MLMI off
    [InlineData(90.0, 0.29, 25.0, "mlmi,fvg")]     // |slope| 0.29 < 0.3: NW-RQK off
    [InlineData(90.0, 1.0, 4.5, "mlmi,nwrqk")]     // 4.5/5000 = 0.0009 < 0.001: FVG off
    public void A_signal_below_its_threshold_does_not_count(double mlmiValue, double slope, double gapPoints, string sequence)
    {
        var tracker = Tracker();

        var detected = Run(tracker, Event30m(0).WithMlmi(1, mlmiValue).WithNwrqk(1, slope), Event(1).WithFvg(1, gapPoints));

        Assert.Empty(detected);
        Assert.Equal(sequence, string.Join(",", tracker.Sequence.Select(s => s.Type)));
    }

    public static TheoryData<string, Func<IndicatorsReadyPayload, IndicatorsReadyPayload>> InvalidInputs => new()
    {
        { "timestamp", p => p with { Timestamp = default } },
        { "current_price", p => p with { Derived = p.Derived with { CurrentPrice = double.NaN } } },
        { "mlmi_value", p => p with { Features30m = p.Features30m with { MlmiValue = double.PositiveInfinity } } },
        { "mlmi_signal", p => p with { Features30m = p.Features30m with { MlmiSignal = 2 } } },
        { "nwrqk_slope", p => p with { Features30m = p.Features30m with { NwrqkSlope = double.NaN } } },
        { "nwrqk_signal", p => p with { Features30m = p.Features30m with { NwrqkSignal = -3 } } },
        { "fvg_mitigation_signal", p => p with { Fvg = FvgFeatures.None with { MitigationSignal = true } } },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void An_event_with_a_missing_or_invalid_input_is_skipped_without_touching_the_sequence(string field, Func<IndicatorsReadyPayload, IndicatorsReadyPayload> spoil)
    {
        var tracker = Tracker();
        Run(tracker, Mlmi(0), Nwrqk(1));

        var evaluation = tracker.Process(spoil(Fvg(2)));

        Assert.NotNull(evaluation.Skipped);
        Assert.Contains(field, evaluation.Skipped);
        Assert.Null(evaluation.Detected);
        Assert.Equal(["mlmi", "nwrqk"], tracker.Sequence.Select(s => s.Type));
        Assert.Equal(1, tracker.CurrentBar);
        // The next valid event still completes the pattern.
        Assert.Single(Run(tracker, Fvg(3)));
    }

    [Fact]
    public void A_seq_already_processed_is_skipped()
    {
        var tracker = Tracker();
        Run(tracker, Mlmi(0), Nwrqk(1));

        var evaluation = tracker.Process(Fvg(1));

        Assert.Contains("already processed", evaluation.Skipped);
        Assert.Equal(2, tracker.Sequence.Count);
    }
}
