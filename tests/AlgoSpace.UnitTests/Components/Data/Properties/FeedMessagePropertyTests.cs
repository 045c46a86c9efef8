using System.Text;
using System.Text.RegularExpressions;
using AlgoSpace.FeedReplay;
using AlgoSpace.Grains.Components.Data.Live;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.MarketData;
using AlgoSpace.Tests.Components.Data.Live;
using CsCheck;

namespace AlgoSpace.Tests.Components.Data.Properties;

/// <summary>
/// Property-based tests of the live feed's message path: both parsers turn any bytes into a tick, a heartbeat, an
/// ignored or a malformed message (with an error saying what), never an exception; and the live data handler, fed
/// random and mutated messages over a real WebSocket by the replay server, keeps running, stays connected and counts
/// every message. Seeded (<see cref="BadRows.Seed"/>): a failure prints its case's seed, which replays it.
/// </summary>
public sealed class FeedMessagePropertyTests
{
    private static IFeedMessageParser Parser(bool binance) => binance ? new BinanceTradeParser(1000) : new AlgoSpaceJsonParser();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Any_bytes_parse_to_a_message_kind_never_an_exception(bool binance)
    {
        var parser = Parser(binance);
        FeedMessages.Bytes.Sample(bytes => AssertWellFormed(parser.Parse(bytes)), seed: BadRows.Seed, iter: 3000);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mutated_messages_parse_to_a_message_kind_never_an_exception(bool binance)
    {
        var parser = Parser(binance);
        FeedMessages.Message(binance).Sample(text => AssertWellFormed(parser.Parse(Encoding.UTF8.GetBytes(text))), seed: BadRows.Seed, iter: 3000);
    }

    /// <summary>
    /// Batches of mutated messages through the real handler: after each batch its counters have grown by what the
    /// parser makes of the batch (ticks received, malformed, ignored), the run has not ended and the feed was never
    /// reported lost, and every tick received was published or counted as a duplicate or a rejection.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_live_handler_counts_every_random_message_and_keeps_running(bool binance)
    {
        var format = binance ? FeedMessageFormat.BinanceTrade : FeedMessageFormat.AlgoSpaceJson;
        using var file = FeedFiles.Write(1, quotes: false);
        await using var server = new FeedReplayServer(new FeedReplayOptions
        {
            File = file.Path, Port = 0, Format = format, HeartbeatInterval = TimeSpan.FromHours(1),
        });
        await server.StartAsync();
        await using var harness = new LiveHarness(new LiveFeedSettings
        {
            Url = server.Url.ToString(), MessageFormat = format, StaleAfter = 3600, ReconnectAttempts = 0, VolumeMultiplier = 1000,
        });
        await harness.StartAsync();
        await harness.WaitUntilAsync(() => Counter(harness, "published") == 1, "the file's tick");

        var parser = Parser(binance);
        var batch = 0;
        var samples = new List<string[]>();
        FeedMessages.Message(binance).Array[1, 30].Sample(messages => samples.Add(messages), seed: BadRows.Seed, iter: 40, threads: 1);
        foreach (var messages in samples)
        {
            batch++;
            var (received, malformed, ignored) = (Counter(harness, "received"), Counter(harness, "malformed"), Counter(harness, "ignored"));
            // A good tick closes the batch (published unless the batch held a tick with a larger id).
            var sentinelId = 2_000_000_000L + batch;
            var sentinelTime = new DateTime(2024, 1, 3).AddSeconds(batch);
            var sentinel = binance
                ? FeedMessages.BinanceTrade(sentinelId, sentinelTime, 4750, 0.002)
                : FeedMessages.AlgoSpaceTick(sentinelId, sentinelTime, 4750, 2);
            var kinds = messages.Append(sentinel).Select(m => parser.Parse(Encoding.UTF8.GetBytes(m)).Kind).ToList();
            foreach (var message in messages) server.Inject(message);
            server.Inject(sentinel);

            var expected = (received + kinds.Count(k => k == FeedMessageKind.Tick), malformed + kinds.Count(k => k == FeedMessageKind.Malformed), ignored + kinds.Count(k => k == FeedMessageKind.Ignored));
            await harness.WaitUntilAsync(
                () => (Counter(harness, "received"), Counter(harness, "malformed"), Counter(harness, "ignored")) == expected,
                $"batch {batch} counted as {expected} (received, malformed, ignored): {string.Join(" | ", messages.Select(Shorten))}");
            // Every tick received is published, or counted as a duplicate or a rejection.
            Assert.Equal(Counter(harness, "received"), Counter(harness, "published") + Counter(harness, "duplicates") + Counter(harness, "rejected"));
            Assert.False(harness.Run.IsCompleted, $"the handler's run ended after batch {batch}");
        }

        Assert.DoesNotContain(AlgoSpace.Grains.Interfaces.Events.EventTypes.ConnectionLost, harness.EventTypesPublished());
        Assert.StartsWith("state=connected", harness.Handler.Query("status"));
    }

    private static void AssertWellFormed(FeedMessage message)
    {
        Assert.True(Enum.IsDefined(message.Kind), $"kind {message.Kind}");
        if (message.Kind is FeedMessageKind.Malformed or FeedMessageKind.Ignored)
        {
            Assert.False(string.IsNullOrWhiteSpace(message.Error), $"a {message.Kind} message without a reason");
        }
    }

    private static long Counter(LiveHarness harness, string name) =>
        long.Parse(Regex.Match(harness.Handler.Query("status"), $@"\b{name}=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length > 120 ? $"{text[..120]}... ({text.Length} chars)" : text;
}
