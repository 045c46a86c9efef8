using AlgoSpace.Grains.Components.Synergy;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.FeatureStore;
using static AlgoSpace.Tests.Components.Synergy.SynergySignals;

namespace AlgoSpace.Tests.Components.Synergy;

public sealed class SynergyDetectorTests
{
    private static RecordingComponentContext Context() =>
        new("synergy_detector", new AlgoSpaceSettings(), [IndicatorsReady], [SynergyDetected, SystemError]);

    private static async Task<SynergyDetector> StartedAsync(RecordingComponentContext context, object? restore = null)
    {
        var detector = new SynergyDetector(context);
        if (restore is not null) detector.RestoreState(restore);
        await detector.StartAsync(CancellationToken.None);
        return detector;
    }

    private static async Task FeedAsync(SynergyDetector detector, params IndicatorsReadyPayload[] events)
    {
        foreach (var e in events) await detector.HandleAsync(Envelope(e), CancellationToken.None);
    }

    [Fact]
    public async Task A_synergy_is_published_at_the_simulation_time_of_the_completing_event()
    {
        var context = Context();
        var detector = await StartedAsync(context);

        await FeedAsync(detector, Mlmi(0), Nwrqk(6), Fvg(7));

        var published = Assert.Single(context.RecordingBus.Published);
        Assert.Equal(SynergyDetected, published.Type);
        Assert.Equal(Day.AddMinutes(40), published.SimTime);
        Assert.Equal(7, ((SynergyDetectedPayload)published.Payload!).FeaturesSeq);
    }

    [Fact]
    public async Task An_invalid_event_is_skipped_with_a_warning_naming_the_input()
    {
        var context = Context();
        var detector = await StartedAsync(context);

        await FeedAsync(detector, Mlmi(0) with { Features30m = ThirtyMinuteFeatures.Defaults with { MlmiValue = double.NaN } });

        Assert.Contains(context.RecordingLogger.Entries, e => e.Level == LogLevel.Warning && e.EventId == 470 && e.Message.Contains("mlmi_value"));
        Assert.Empty(context.RecordingBus.Published);
        Assert.Null(detector.Tracker.CurrentBar);
    }

    [Fact]
    public async Task A_detector_restored_mid_sequence_completes_the_pattern()
    {
        var original = await StartedAsync(Context());
        await FeedAsync(original, Mlmi(0), Nwrqk(1));

        var snapshot = OrleansRoundTrip.Copy(original.SaveState()!);
        var context = Context();
        var restored = await StartedAsync(context, snapshot);
        Assert.Equal("Building", restored.Query("phase"));
        await FeedAsync(restored, Fvg(1), Fvg(2));

        // Seq 1 was processed before the snapshot, so its redelivery is skipped; seq 2 completes TYPE_1 over 3 bars.
        var synergy = (SynergyDetectedPayload)Assert.Single(context.RecordingBus.Published).Payload!;
        Assert.Equal(("TYPE_1", 3L), (synergy.SynergyType, synergy.Metadata.BarsToComplete));
        Assert.Equal(Day.AddMinutes(5), synergy.SignalSequence[0].Timestamp);
    }

    [Fact]
    public async Task A_restored_detector_keeps_its_cooldown()
    {
        var original = await StartedAsync(Context());
        await FeedAsync(original, Mlmi(0), Nwrqk(1), Fvg(2));

        var context = Context();
        var restored = await StartedAsync(context, OrleansRoundTrip.Copy(original.SaveState()!));
        await FeedAsync(restored, Mlmi(3).WithNwrqk(1).WithFvg(1));

        // 3 − 2 = 1 < 5 bars after the synergy before the snapshot: discarded.
        Assert.Empty(context.RecordingBus.Published);
        Assert.Contains(context.RecordingLogger.Entries, e => e.EventId == 472);
    }

    [Fact]
    public async Task An_event_without_the_feature_store_is_reported_as_a_system_error()
    {
        var context = Context();
        var detector = await StartedAsync(context);

        await detector.HandleAsync(new EventEnvelope(IndicatorsReady, 3, Day, "indicator_engine", "c", null), CancellationToken.None);

        var published = Assert.Single(context.RecordingBus.Published);
        Assert.Equal(SystemError, published.Type);
    }
}
