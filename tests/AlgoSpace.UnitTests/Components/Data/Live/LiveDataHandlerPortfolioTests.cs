using System.Text.RegularExpressions;
using AlgoSpace.FeedReplay;
using AlgoSpace.Grains.Components.Data.Live;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.Tests.Components.Data.Live;

/// <summary>
/// A portfolio's live feed: one connection to the real replay server carrying several instruments, each tick
/// published for the instrument its message names, each instrument validated on its own prices.
/// </summary>
public sealed class LiveDataHandlerPortfolioTests
{
    private const int Count = 200;

    // ES at 4750, NQ at 16,900 (so one validator for both would reject one of them as 250 % away), 100 ms later each;
    // GC on the feed is traded nowhere here.
    private static readonly IReadOnlyList<MarketTick> Es = FeedFiles.Ticks(Count, quotes: false);
    private static readonly IReadOnlyList<MarketTick> Nq = FeedFiles.Instrument(Count, 16_900, TimeSpan.FromMilliseconds(100));
    private static readonly IReadOnlyList<MarketTick> Gc = FeedFiles.Instrument(10, 2_050, TimeSpan.FromMilliseconds(50));

    [Fact]
    public async Task Each_tick_goes_to_the_instrument_its_message_names_and_a_name_traded_nowhere_is_counted()
    {
        using var es = FeedFiles.Write(Es);
        using var nq = FeedFiles.Write(Nq);
        using var gc = FeedFiles.Write(Gc);
        await using var server = new FeedReplayServer(new FeedReplayOptions
        {
            Instruments = [new("ES", es.Path), new("NQH5", nq.Path), new("GC", gc.Path)], Port = 0,
            HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        });
        await server.StartAsync();
        var live = new LiveFeedSettings { Url = server.Url.ToString(), ReconnectBaseDelayMs = 20, FeedSymbols = new() { ["NQ"] = "NQH5" } };
        await using var harness = new LiveHarness(live, symbols: ["ES", "NQ", "CL"]);

        await harness.StartAsync();
        await harness.WaitUntilAsync(() => Counter(harness, "last_id") == 2 * Count + Gc.Count, "the whole feed");

        var ticks = harness.Ticks();
        Assert.Equal(Es.Select(t => Payload("ES", t)), ticks.Where(t => t.Symbol == "ES"));
        Assert.Equal(Nq.Select(t => Payload("NQ", t)), ticks.Where(t => t.Symbol == "NQ"));
        Assert.Equal([.. ticks.OrderBy(t => t.Timestamp)], ticks);
        var status = harness.Handler.Query("status");
        Assert.Contains($"published={2 * Count} ", status);
        Assert.Contains($"rejected=0 malformed=0 ignored=0 unrouted={Gc.Count} by_symbol=ES:{Count},NQ:{Count},CL:0 ", status);
        var unrouted = harness.RecordingLogger.Entries().Where(e => e.EventId == 1118).ToList();
        Assert.Equal(Gc.Count, unrouted.Count);
        Assert.Contains("'GC' is none of the instruments traded (ES, NQH5, CL)", unrouted[0].Message);
    }

    [Fact]
    public void A_portfolio_state_keeps_each_instruments_validator_and_count_through_orleans_serialization()
    {
        var harness = new LiveHarness(new LiveFeedSettings { Url = "ws://127.0.0.1:1/ticks" }, symbols: ["ES", "NQ"]);
        var handler = new LiveDataHandler(harness);
        var state = new LiveDataHandlerState("ws://127.0.0.1:1/ticks", 90,
            new TickValidatorSnapshot(new DateTime(2024, 1, 2, 9, 30, 0), [4750.0], []),
            new LiveFeedCounters(Received: 95, Published: 90, Duplicates: 5, Gaps: 0, Missed: 0, Rejected: 0, Malformed: 0, Ignored: 0, Reconnects: 0, Unrouted: 3),
            [
                new LiveInstrumentState("ES", new TickValidatorSnapshot(new DateTime(2024, 1, 2, 9, 30, 0), [4750.0], []), 60),
                new LiveInstrumentState("NQ", new TickValidatorSnapshot(new DateTime(2024, 1, 2, 9, 31, 0), [16900.0], []), 30),
            ]);

        handler.RestoreState(OrleansRoundTrip.Copy(state));

        // The last tick over both instruments is NQ's, and each keeps its own median: the next NQ tick at 16,901 passes.
        var status = handler.Query("status");
        Assert.Contains("unrouted=3 by_symbol=ES:60,NQ:30 ", status);
        Assert.Contains("last_id=90 last_tick=2024-01-02T09:31:00.000", status);
        var saved = Assert.IsType<LiveDataHandlerState>(handler.SaveState());
        Assert.Equal(state.Counters, saved.Counters);
        Assert.Equal(state.Instruments!.Select(i => (i.Symbol, i.Published, i.Validator.LastAccepted, i.Validator.Window.Single())),
            saved.Instruments!.Select(i => (i.Symbol, i.Published, i.Validator.LastAccepted, i.Validator.Window.Single())));
    }

    [Fact]
    public void The_replay_tape_merges_instruments_in_time_order_with_ties_in_the_order_given()
    {
        var tape = new TickTape([Nq.Take(3).ToList(), Es.Take(3).Select(t => t with { Timestamp = t.Timestamp.AddMilliseconds(100) }).ToList()], loop: false);

        // Same times: NQ (given first) before ES, each instrument's ticks in file order.
        Assert.Equal([0, 1, 0, 1, 0, 1], Enumerable.Range(0, 6).Select(p => tape.InstrumentAt(p)));
        Assert.Equal(Nq[1].Price, tape[2].Price);
        var options = ReplayCommandLine.Parse(["ES=es.csv", "NQ=data/nq.csv.gz", "--rate", "100"]);
        Assert.Equal([new FeedInstrument("ES", "es.csv"), new FeedInstrument("NQ", "data/nq.csv.gz")], options.Instruments);
        Assert.Null(options.File);
        Assert.Contains("SYMBOL=FILE", Assert.Throws<ArgumentException>(() => ReplayCommandLine.Parse(["es.csv", "nq.csv"])).Message);
        Assert.Contains("ES is given 2 times", Assert.Throws<ArgumentException>(() => ReplayCommandLine.Parse(["ES=a.csv", "es=b.csv"]).Validate()).Message);
    }

    private static TickPayload Payload(string symbol, MarketTick tick) => new(symbol, tick.Timestamp, tick.Price, tick.Volume, tick.Bid, tick.Ask);

    private static long Counter(LiveHarness harness, string name) =>
        Regex.Match(harness.Handler.Query("status"), $@"\b{name}=(\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value) : -1;
}
