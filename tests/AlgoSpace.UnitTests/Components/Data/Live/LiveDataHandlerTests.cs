using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Data.Live;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.Tests.Components.Data.Live;

/// <summary>The live data handler's set-up, state and status, without a feed.</summary>
public sealed class LiveDataHandlerTests
{
    [Fact]
    public void The_component_registry_builds_this_implementation_from_its_context()
    {
        var registry = new ComponentRegistry([typeof(LiveDataHandler).Assembly]);
        var harness = new LiveHarness(new LiveFeedSettings { Url = "ws://127.0.0.1:1/ticks" });

        Assert.IsType<LiveDataHandler>(registry.Create("live_data_handler", harness));
        Assert.Equal(ComponentRole.DataHandler, registry.Catalog.Find("live_data_handler")!.Role);
    }

    [Theory]
    [InlineData(null, "data_handler.live.url is not set")]
    [InlineData("http://127.0.0.1:8765/ticks", "is not a ws:// or wss:// URL")]
    public async Task A_missing_or_wrong_url_fails_initialisation_and_says_which_key(string? url, string error)
    {
        await using var harness = new LiveHarness(new LiveFeedSettings { Url = url });

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => harness.StartAsync());

        Assert.Contains(error, failure.Message);
    }

    [Fact]
    public async Task Before_it_connects_the_status_says_disconnected_with_nothing_counted()
    {
        var handler = new LiveDataHandler(new LiveHarness(new LiveFeedSettings { Url = "ws://127.0.0.1:1/ticks" }));

        Assert.Equal(
            "state=disconnected url=ws://127.0.0.1:1/ticks received=0 published=0 duplicates=0 gaps=0 missed=0 rejected=0 malformed=0 ignored=0 unrouted=0 reconnects=0 last_id=- last_tick=- last_message_age_ms=- latency_p50_us=- latency_p99_us=-",
            handler.Query("status"));
        Assert.Equal("", handler.Query("what"));
    }

    [Fact]
    public void State_restored_after_construction_is_applied_and_survives_orleans_serialization()
    {
        var state = new LiveDataHandlerState("ws://127.0.0.1:1/ticks", 41,
            new TickValidatorSnapshot(new DateTime(2024, 1, 2, 9, 30, 0), [4750.0], []),
            new LiveFeedCounters(Received: 50, Published: 41, Duplicates: 9, Gaps: 0, Missed: 0, Rejected: 0, Malformed: 2, Ignored: 0, Reconnects: 1));
        var handler = new LiveDataHandler(new LiveHarness(new LiveFeedSettings { Url = "ws://127.0.0.1:1/ticks" }));
        handler.RestoreState(OrleansRoundTrip.Copy(state));

        var status = handler.Query("status");
        Assert.Contains("received=50 published=41 duplicates=9", status);
        Assert.Contains("malformed=2 ignored=0 unrouted=0 reconnects=1 last_id=41 last_tick=2024-01-02T09:30:00.000", status);
        AssertSameState(state, handler.SaveState());
    }

    private static void AssertSameState(LiveDataHandlerState expected, object? actual)
    {
        var state = Assert.IsType<LiveDataHandlerState>(actual);
        Assert.Equal((expected.Url, expected.LastId, expected.Counters), (state.Url, state.LastId, state.Counters));
        Assert.Equal(expected.Validator.LastAccepted, state.Validator.LastAccepted);
        Assert.Equal(expected.Validator.Window, state.Validator.Window);
    }

    [Fact]
    public void State_saved_for_another_feed_is_discarded()
    {
        var state = new LiveDataHandlerState("ws://127.0.0.1:1/other", 41,
            new TickValidatorSnapshot(new DateTime(2024, 1, 2, 9, 30, 0), [4750.0], []), new LiveFeedCounters(50, 41, 9, 0, 0, 0, 0, 0, 0));
        var harness = new LiveHarness(new LiveFeedSettings { Url = "ws://127.0.0.1:1/ticks" });
        var handler = new LiveDataHandler(harness);

        handler.RestoreState(state);

        Assert.Contains("last_id=- ", handler.Query("status"));
        Assert.Contains(harness.RecordingLogger.Entries(), e => e.EventId == 1117 && e.Message.Contains("ws://127.0.0.1:1/other"));
    }

    [Fact]
    public void State_of_another_type_is_refused()
    {
        var handler = new LiveDataHandler(new LiveHarness(new LiveFeedSettings { Url = "ws://127.0.0.1:1/ticks" }));
        Assert.Throws<ArgumentException>(() => handler.RestoreState("not a state"));
    }
}
