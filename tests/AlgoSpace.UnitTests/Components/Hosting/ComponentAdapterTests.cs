using AlgoSpace.Grains.Components.Decision.Risk;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.Hosting.ShellHarness;

namespace AlgoSpace.Tests.Components.Hosting;

/// <summary>The base of the built-in components: event filtering, bad-input reporting, typed snapshots.</summary>
public sealed class ComponentAdapterTests
{
    private static ShellProbe Probe(IReadOnlyList<string> publishes, out RecordingComponentContext context)
    {
        context = new RecordingComponentContext("shell_probe", new AlgoSpaceSettings(), ["PROBE"], publishes);
        return new ShellProbe(context);
    }

    [Fact]
    public async Task Only_the_event_types_its_kind_consumes_reach_the_handler()
    {
        var probe = Probe(["PROBE_REPLY"], out _);

        await probe.HandleAsync(Event(1, type: "OTHER"), CancellationToken.None);
        await probe.HandleAsync(Event(2), CancellationToken.None);

        Assert.Equal(["built", "2@source:2"], probe.Steps);
    }

    [Fact]
    public async Task Bad_input_is_logged_and_published_as_a_non_critical_system_error_when_the_spec_publishes_it()
    {
        var probe = Probe(["PROBE_REPLY", EventTypes.SystemError], out var context);

        await probe.HandleAsync(Event(1) with { Payload = null }, CancellationToken.None);

        var published = Assert.Single(context.RecordingBus.Published);
        var error = Assert.IsType<SystemErrorPayload>(published.Payload);
        Assert.Equal(("shell_probe", "BadPayload", "PROBE #1 carried nothing", false), (error.Component, error.ErrorType, error.Message, error.Critical));
        Assert.Equal(Event(1).SimTime, published.SimTime);
        Assert.Contains(context.RecordingLogger.Entries, e => e.EventId == 400 && e.Message.Contains("PROBE #1 carried nothing"));
    }

    [Fact]
    public async Task Bad_input_is_only_logged_when_the_spec_does_not_publish_system_errors()
    {
        var probe = Probe(["PROBE_REPLY"], out var context);

        await probe.HandleAsync(Event(1) with { Payload = null }, CancellationToken.None);

        Assert.Empty(context.RecordingBus.Published);
        Assert.Contains(context.RecordingLogger.Entries, e => e.EventId == 400);
    }

    [Fact]
    public async Task The_m_rms_reports_a_bad_payload_like_every_other_component()
    {
        var context = new RecordingComponentContext("m_rms", new AlgoSpaceSettings(), [EventTypes.TradeClosed], [EventTypes.RiskBreach, EventTypes.SystemError]);
        var mrms = new MRms(context);

        await mrms.HandleAsync(new EventEnvelope(EventTypes.TradeClosed, 7, new DateTime(2024, 1, 2), "execution", "execution:7", null), CancellationToken.None);

        var error = Assert.IsType<SystemErrorPayload>(Assert.Single(context.RecordingBus.Published).Payload);
        Assert.Equal(("BadPayload", "TRADE_CLOSED #7 from execution carried no payload."), (error.ErrorType, error.Message));
    }

    [Fact]
    public void A_snapshot_of_another_type_is_refused_and_says_what_was_expected()
    {
        var probe = Probe([], out _);

        var refused = Assert.Throws<ArgumentException>(() => probe.RestoreState("not a state"));

        Assert.Contains("Expected a ShellProbeState, got String", refused.Message);
    }
}
