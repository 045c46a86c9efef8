using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Performance;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Performance.TradeFactory;

namespace AlgoSpace.Tests.Components.Performance;

public sealed class PerformanceTrackerTests
{
    private long _seq;

    private static async Task<(PerformanceTracker Tracker, RecordingComponentContext Context)> StartAsync(object? restored = null)
    {
        var settings = new AlgoSpaceSettings { Backtesting = new BacktestingSettings { InitialCapital = 50_000 } };
        var context = new RecordingComponentContext("performance_tracker", settings, [TradeClosed, New5MinBar], [SystemError]);
        var tracker = new PerformanceTracker(context);
        if (restored is not null) tracker.RestoreState(restored);
        return (tracker, context);
    }

    private EventEnvelope Envelope(string type, EventPayload? payload, DateTime time) => new(type, ++_seq, time, "execution_handler", $"c{_seq}", payload);

    private static async Task<PerformanceReportReply> AskAsync(PerformanceTracker tracker) =>
        Assert.IsType<PerformanceReportReply>(await tracker.AnswerAsync(new PerformanceReportRequest(), CancellationToken.None));

    [Fact]
    public async Task It_answers_a_report_with_the_trades_it_was_sent_and_the_configured_capital()
    {
        var (tracker, _) = await StartAsync();
        foreach (var trade in TwoTrades()) await tracker.HandleAsync(Envelope(TradeClosed, trade, trade.Exit.Timestamp), CancellationToken.None);

        var reply = await AskAsync(tracker);

        Assert.Equal(50_000, reply.InitialCapital);
        Assert.Equal(["exec-1", "exec-2"], reply.Trades.Select(t => t.ExecutionId));
        Assert.Equal(50_500, reply.Statistics.FinalEquity, 9); // 50000 + 1000 - 500
    }

    [Fact]
    public async Task Its_state_survives_orleans_serialization_and_gives_the_same_report()
    {
        var (tracker, _) = await StartAsync();
        await tracker.HandleAsync(Envelope(New5MinBar, new BarPayload("ES", Jan2.AddHours(9.5), 1, 1, 1, 1, 1, 5, 3, false), Jan2.AddHours(9.5).AddMinutes(5)), CancellationToken.None);
        foreach (var trade in TwoTrades()) await tracker.HandleAsync(Envelope(TradeClosed, trade, trade.Exit.Timestamp), CancellationToken.None);
        var before = await AskAsync(tracker);

        var (restored, _) = await StartAsync(OrleansRoundTrip.Copy(tracker.SaveState()!));
        var after = await AskAsync(restored);

        Assert.Equal(before.Statistics, after.Statistics);
        Assert.Equal(before.Equity, after.Equity);
        Assert.Equal(before.Trades, after.Trades);
        Assert.Equal(Jan2.AddHours(9.5), after.SimulationStart);
    }

    [Fact]
    public async Task A_trade_closed_event_without_a_trade_is_reported_not_counted()
    {
        var (tracker, context) = await StartAsync();

        await tracker.HandleAsync(Envelope(TradeClosed, null, Jan2), CancellationToken.None);

        var error = Assert.IsType<SystemErrorPayload>(Assert.Single(context.RecordingBus.Published).Payload);
        Assert.Contains("TRADE_CLOSED #1 from execution_handler", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await AskAsync(tracker)).Statistics.Trades);
    }

    [Fact]
    public async Task A_trade_with_a_pnl_that_is_not_a_number_is_reported_not_counted()
    {
        var (tracker, context) = await StartAsync();
        var trade = Trade("nan", 1, Jan2.AddHours(10), Jan2.AddHours(11), double.NaN);

        await tracker.HandleAsync(Envelope(TradeClosed, trade, trade.Exit.Timestamp), CancellationToken.None);

        var error = Assert.IsType<SystemErrorPayload>(Assert.Single(context.RecordingBus.Published).Payload);
        Assert.Contains("trade nan", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await AskAsync(tracker)).Statistics.Trades);
    }

    [Fact]
    public async Task Another_request_is_refused_with_a_message_naming_the_tracker()
    {
        var (tracker, _) = await StartAsync();

        var error = await Assert.ThrowsAsync<ComponentCallException>(async () => await tracker.AnswerAsync(new MatrixRequest(1), CancellationToken.None));

        Assert.Contains("performance_tracker", error.Message, StringComparison.Ordinal);
    }
}
