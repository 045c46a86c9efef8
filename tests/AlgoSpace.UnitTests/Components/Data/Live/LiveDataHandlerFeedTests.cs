using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AlgoSpace.FeedReplay;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData;

namespace AlgoSpace.Tests.Components.Data.Live;

/// <summary>The live data handler against the real replay server on a free loopback port, without Orleans.</summary>
public sealed class LiveDataHandlerFeedTests
{
    private static FeedReplayServer Server(string file, double rate = 0, FeedMessageFormat format = FeedMessageFormat.AlgoSpaceJson,
        int overlap = 20, TimeSpan? heartbeat = null, string? apiKey = null) =>
        new(new FeedReplayOptions
        {
            File = file, Port = 0, Rate = rate, Format = format, Overlap = overlap, ApiKey = apiKey,
            HeartbeatInterval = heartbeat ?? TimeSpan.FromMilliseconds(200),
        });

    private static LiveFeedSettings Live(Uri url, FeedMessageFormat format = FeedMessageFormat.AlgoSpaceJson, int attempts = 30,
        int staleAfter = 5, string? apiKey = null) =>
        new() { Url = url.ToString(), MessageFormat = format, ReconnectAttempts = attempts, ReconnectBaseDelayMs = 20, StaleAfter = staleAfter, ApiKey = apiKey };

    private static List<TickPayload> Expected(IEnumerable<MarketTick> ticks) =>
        ticks.Select(t => new TickPayload("ES", t.Timestamp, t.Price, t.Volume, t.Bid, t.Ask)).ToList();

    private static long Counter(LiveHarness harness, string name) =>
        long.Parse(Regex.Match(harness.Handler.Query("status"), $@"\b{name}=(\d+)").Groups[1].Value);

    private static long? LastId(LiveHarness harness) =>
        Regex.Match(harness.Handler.Query("status"), @"\blast_id=(\d+)") is { Success: true } match ? long.Parse(match.Groups[1].Value) : null;

    /// <summary>
    /// Waits until the handler has passed the feed's last id on and its publish is done: a message after it carries an
    /// id already seen, which the gate drops, so nothing more can be published and every count is final.
    /// </summary>
    private static Task ReadToTheEndAsync(LiveHarness harness, long lastId, int publishedBefore = 0) =>
        harness.WaitUntilAsync(() => LastId(harness) == lastId && publishedBefore + harness.Ticks().Count == Counter(harness, "published"),
            $"id {lastId} read and its tick published");

    private static void AssertStrictlyIncreasingIds(LiveHarness harness, IReadOnlyList<TickPayload> ticks)
    {
        // The file's times rise 250 ms per tick, so strictly rising times mean no tick came twice or out of order.
        for (var i = 1; i < ticks.Count; i++) Assert.True(ticks[i].Timestamp > ticks[i - 1].Timestamp, $"tick {i} at {ticks[i].Timestamp:O} is not after {ticks[i - 1].Timestamp:O}");
        Assert.Equal(ticks.Count, Counter(harness, "published"));
    }

    [Fact]
    public async Task Every_tick_of_the_file_arrives_once_in_order_with_the_files_values()
    {
        using var file = FeedFiles.Write(300, quotes: true);
        await using var server = Server(file.Path);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url));

        await harness.StartAsync();
        await ReadToTheEndAsync(harness, 300);

        var ticks = harness.Ticks();
        Assert.Equal(Expected(FeedFiles.Ticks(300, quotes: true)), ticks);
        // Tick 0 by hand: 09:30:00.000, 4750 + 0.25·0 = 4750, volume 1 + 0 = 1, bid 4749.75, ask 4750.
        Assert.Equal(new TickPayload("ES", new DateTime(2024, 1, 2, 9, 30, 0), 4750, 1, 4749.75, 4750), ticks[0]);
        Assert.Equal(0, Counter(harness, "duplicates"));
        Assert.Equal(0, Counter(harness, "malformed"));
        Assert.StartsWith("state=connected", harness.Handler.Query("status"));
        Assert.Contains("samples=300", harness.Handler.Query("latency"));
        Assert.DoesNotContain(EventTypes.ConnectionLost, harness.EventTypesPublished());
    }

    [Fact]
    public async Task Killing_the_feed_mid_stream_and_bringing_it_back_loses_nothing_and_repeats_nothing()
    {
        using var file = FeedFiles.Write(600, quotes: false);
        await using var server = Server(file.Path, rate: 1000);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url));
        await harness.StartAsync();
        await harness.WaitUntilAsync(() => harness.Ticks().Count >= 150, "150 ticks");

        await server.StopAsync();
        await harness.WaitUntilAsync(() => harness.EventTypesPublished().Contains(EventTypes.ConnectionLost), "CONNECTION_LOST");
        Assert.StartsWith("state=disconnected", harness.Handler.Query("status"));
        await server.StartAsync();
        await ReadToTheEndAsync(harness, 600);

        var control = harness.EventTypesPublished().Where(t => t != EventTypes.NewTick).ToList();
        Assert.Equal([EventTypes.ConnectionLost, EventTypes.ConnectionRestored], control);
        var lost = (ConnectionPayload)harness.RecordingBus.Snapshot().First(e => e.Type == EventTypes.ConnectionLost).Payload!;
        Assert.Equal("data_handler", lost.Component);
        Assert.Contains("closed", lost.Reason);
        // The server's cursor stops while no client is connected, and a clean stop delivers what was sent: every
        // tick of the file exactly once. The 20 ticks re-sent on reconnect (overlap) were all dropped.
        var ticks = harness.Ticks();
        Assert.Equal(Expected(FeedFiles.Ticks(600, quotes: false)), ticks);
        AssertStrictlyIncreasingIds(harness, ticks);
        Assert.Equal(20, Counter(harness, "duplicates"));
        Assert.Equal(0, Counter(harness, "gaps"));
        Assert.Equal(1, Counter(harness, "reconnects"));
        Assert.NotEmpty(harness.Degraded);
        Assert.StartsWith("state=connected", harness.Handler.Query("status"));
    }

    [Fact]
    public async Task Dropped_connections_are_restored_and_every_tick_is_published_or_counted_missed()
    {
        using var file = FeedFiles.Write(600, quotes: false);
        await using var server = Server(file.Path, rate: 1000);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url));
        await harness.StartAsync();

        await harness.WaitUntilAsync(() => harness.Ticks().Count >= 100, "100 ticks");
        await server.DropConnectionsAsync();
        await harness.WaitUntilAsync(() => harness.EventTypesPublished().Contains(EventTypes.ConnectionRestored), "CONNECTION_RESTORED");
        // Counted by the last id seen, not by ticks published: an abort may lose many ticks in flight when the
        // handler lags the server (a starved thread pool), and those never come.
        await harness.WaitUntilAsync(() => Counter(harness, "last_id") >= 300, "tick 300");
        await server.DropConnectionsAsync();
        await ReadToTheEndAsync(harness, 600);

        // An aborted connection may lose ticks in flight beyond the overlap: those are counted missed, never repeated.
        var ticks = harness.Ticks();
        AssertStrictlyIncreasingIds(harness, ticks);
        Assert.Equal(600, ticks.Count + Counter(harness, "missed"));
        Assert.Subset(Expected(FeedFiles.Ticks(600, quotes: false)).ToHashSet(), ticks.ToHashSet());
        Assert.Equal(2, harness.EventTypesPublished().Count(t => t == EventTypes.ConnectionRestored));
    }

    [Fact]
    public async Task A_feed_that_never_comes_back_fails_the_run_naming_the_url_and_the_attempts()
    {
        using var file = FeedFiles.Write(50, quotes: false);
        var server = Server(file.Path);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url, attempts: 3));
        await harness.StartAsync();
        await harness.WaitUntilAsync(() => harness.Ticks().Count >= 50, "50 ticks");

        await server.DisposeAsync();
        var failure = await Assert.ThrowsAsync<FatalComponentException>(() => harness.Run.WaitAsync(LiveHarness.Patience));

        Assert.Contains(server.Url.ToString(), failure.Message);
        Assert.Contains("3 reconnect attempts failed", failure.Message);
        Assert.Equal([EventTypes.ConnectionLost], harness.EventTypesPublished().Where(t => t != EventTypes.NewTick));
        // Attempts 1-3 waited 20·2^0, 20·2^1, 20·2^2 ms less at most 10 % jitter: three reconnect log lines.
        Assert.Equal(3, harness.RecordingLogger.Entries().Count(e => e.EventId == 1103));
    }

    [Fact]
    public async Task With_no_reconnect_attempts_a_loss_fails_the_run_at_once_with_the_reason()
    {
        using var file = FeedFiles.Write(10, quotes: false);
        var server = Server(file.Path);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url, attempts: 0));
        await harness.StartAsync();
        await harness.WaitUntilAsync(() => harness.Ticks().Count >= 10, "10 ticks");

        await server.DisposeAsync();
        var failure = await Assert.ThrowsAsync<FatalComponentException>(() => harness.Run.WaitAsync(LiveHarness.Patience));

        Assert.Contains("reconnect_attempts is 0, so no reconnect was tried; last error: the feed closed the connection", failure.Message);
        Assert.DoesNotContain(harness.RecordingLogger.Entries(), e => e.EventId == 1103);
    }

    [Fact]
    public async Task A_first_connect_that_never_succeeds_fails_the_run_after_the_attempts()
    {
        var url = new Uri($"ws://127.0.0.1:{FreePort()}/ticks");
        await using var harness = new LiveHarness(Live(url, attempts: 2));
        await harness.StartAsync();

        var failure = await Assert.ThrowsAsync<FatalComponentException>(() => harness.Run.WaitAsync(LiveHarness.Patience));

        Assert.Contains(url.ToString(), failure.Message);
        Assert.Contains("2 reconnect attempts failed", failure.Message);
        // The first failure is the loss; attempt 0 (at once) and reconnect attempts 1 and 2 all failed.
        Assert.Equal([EventTypes.ConnectionLost], harness.EventTypesPublished());
        Assert.Equal(3, harness.RecordingLogger.Entries().Count(e => e.EventId == 1104));
        Assert.StartsWith("state=stopped", harness.Handler.Query("status"));
    }

    [Fact]
    public async Task Malformed_messages_are_counted_and_skipped_and_the_ticks_go_on()
    {
        using var file = FeedFiles.Write(300, quotes: false);
        await using var server = Server(file.Path, rate: 500);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url));
        await harness.StartAsync();
        await harness.WaitUntilAsync(() => harness.Ticks().Count >= 10, "10 ticks");

        server.Inject("not json at all");
        server.Inject("""{"type":"tick","symbol":"ES","seq":"x","timestamp":"2024-01-02T09:30:00","price":1,"volume":1}""");
        server.Inject("""{"type":"tick","symbol":"ES","timestamp":"2024-01-02T09:30:00","price":1,"volume":1}""");
        server.Inject("""{"type":"news","text":"ignored, not malformed"}""");
        // Sent between ticks 10 and 300 of the file, so read before its last id.
        await ReadToTheEndAsync(harness, 300);

        Assert.Equal(Expected(FeedFiles.Ticks(300, quotes: false)), harness.Ticks());
        Assert.Equal(3, Counter(harness, "malformed"));
        Assert.Equal(1, Counter(harness, "ignored"));
        var warnings = harness.RecordingLogger.Entries().Where(e => e.EventId == 1107).Select(e => e.Message).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("invalid JSON"));
        Assert.Contains(warnings, w => w.Contains("field 'seq' must be an integer"));
        Assert.Contains(warnings, w => w.Contains("missing field 'seq'"));
        Assert.DoesNotContain(EventTypes.ConnectionLost, harness.EventTypesPublished());
    }

    [Fact]
    public async Task The_binance_trade_format_carries_the_same_ticks_end_to_end()
    {
        using var file = FeedFiles.Write(200, quotes: false);
        await using var server = Server(file.Path, format: FeedMessageFormat.BinanceTrade);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url, FeedMessageFormat.BinanceTrade));

        await harness.StartAsync();
        await ReadToTheEndAsync(harness, 200);
        // The replay server's binance heartbeats (every 200 ms here) are events the adapter ignores, and counts.
        await harness.WaitUntilAsync(() => Counter(harness, "ignored") >= 1, "a heartbeat");

        Assert.Equal(Expected(FeedFiles.Ticks(200, quotes: false)), harness.Ticks());
        Assert.Equal(0, Counter(harness, "malformed"));
    }

    [Fact]
    public async Task A_feed_that_goes_quiet_is_stale_lost_and_reconnected()
    {
        using var file = FeedFiles.Write(5, quotes: false);
        await using var server = Server(file.Path, heartbeat: TimeSpan.FromMinutes(1));
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url, staleAfter: 1));
        await harness.StartAsync();

        await harness.WaitUntilAsync(() => harness.EventTypesPublished().Contains(EventTypes.ConnectionRestored), "CONNECTION_RESTORED after staleness");

        var lost = (ConnectionPayload)harness.RecordingBus.Snapshot().First(e => e.Type == EventTypes.ConnectionLost).Payload!;
        Assert.Equal("stale: no message for 1 s", lost.Reason);
        // The 5 ticks, then after the reconnect the server re-sent all 5 (overlap 20 > 5): dropped.
        await harness.WaitUntilAsync(() => Counter(harness, "duplicates") >= 5, "the overlap dropped");
        Assert.Equal(Expected(FeedFiles.Ticks(5, quotes: false)), harness.Ticks());
        Assert.Contains(harness.Degraded, d => d.Contains("stale"));
    }

    [Fact]
    public async Task The_api_key_goes_in_the_header_and_never_into_the_log()
    {
        const string key = "k-3f9a7c";
        using var file = FeedFiles.Write(20, quotes: false);
        await using var server = Server(file.Path, apiKey: key);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url, apiKey: key));
        await using var wrongKey = new LiveHarness(Live(server.Url, attempts: 0, apiKey: "wrong"));

        await harness.StartAsync();
        await wrongKey.StartAsync();
        await harness.WaitUntilAsync(() => harness.Ticks().Count >= 20, "20 ticks");
        var refused = await Assert.ThrowsAsync<FatalComponentException>(() => wrongKey.Run.WaitAsync(LiveHarness.Patience));

        Assert.Contains("401", refused.Message);
        Assert.DoesNotContain(harness.RecordingLogger.Entries().Concat(wrongKey.RecordingLogger.Entries()), e => e.Message.Contains(key) || e.Message.Contains("wrong"));
        Assert.Contains(harness.RecordingLogger.Entries(), e => e.EventId == 1100 && e.Message.Contains("with an API key"));
    }

    [Fact]
    public async Task Stopping_closes_the_socket_cleanly_and_ends_the_run()
    {
        using var file = FeedFiles.Write(20, quotes: false);
        await using var server = Server(file.Path);
        await server.StartAsync();
        await using var harness = new LiveHarness(Live(server.Url));
        await harness.StartAsync();
        await harness.WaitUntilAsync(() => harness.Ticks().Count >= 20, "20 ticks");

        await harness.StopAsync();

        Assert.True(harness.Run.IsCompletedSuccessfully);
        Assert.StartsWith("state=stopped", harness.Handler.Query("status"));
        await harness.WaitUntilAsync(() => server.ConnectedClients == 0, "the server to see the client leave");
        Assert.DoesNotContain(EventTypes.ConnectionLost, harness.EventTypesPublished());
    }

    [Fact]
    public async Task A_restarted_handler_resumes_from_its_saved_state_and_drops_the_overlap()
    {
        using var file = FeedFiles.Write(400, quotes: false);
        await using var server = Server(file.Path, rate: 1000);
        await server.StartAsync();
        await using var first = new LiveHarness(Live(server.Url));
        await first.StartAsync();
        await first.WaitUntilAsync(() => first.Ticks().Count >= 100, "100 ticks");

        // The feed goes first (a clean stop delivers every tick it sent), then the silo; both come back. (A silo
        // that stops first may lose ticks the feed had already sent: those are counted missed, see the drop test.)
        await server.StopAsync();
        await first.WaitUntilAsync(() => first.EventTypesPublished().Contains(EventTypes.ConnectionLost), "CONNECTION_LOST");
        await first.StopAsync();
        var saved = OrleansRoundTrip.Copy(first.Handler.SaveState()!);
        await server.StartAsync();
        await using var second = new LiveHarness(Live(server.Url));
        await second.StartAsync(saved);
        // The restored count holds the first handler's ticks.
        await ReadToTheEndAsync(second, 400, publishedBefore: first.Ticks().Count);

        // The server's cursor waited while no client was connected; the restarted handler dropped the 20 ticks of
        // overlap re-sent on its connection, all at or below the saved last id.
        Assert.Equal(Expected(FeedFiles.Ticks(400, quotes: false)), first.Ticks().Concat(second.Ticks()).ToList());
        Assert.Equal(20, Counter(second, "duplicates"));
        Assert.Equal(400, Counter(second, "published"));
        Assert.Equal(0, Counter(second, "missed"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
