using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class BacktestExecutionHandlerTests
{
    private static readonly string[] AllOutputs = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, SystemError];

    private static RecordingComponentContext Context(string[]? publishes = null) =>
        new("backtest_execution_handler",
            new AlgoSpaceSettings { Execution = Defaults(), System = new SystemSettings { RunSeed = 42 } },
            [ExecuteTrade, NewTick, New5MinBar], publishes ?? AllOutputs);

    private static EventEnvelope Tick(long seq, DateTime time, double price) =>
        new(NewTick, seq, time, "data_handler", $"data_handler:{seq}", new TickPayload("ES", time, price, 1, null, null));

    private static EventEnvelope Decision(long seq, DateTime time, ExecuteTradePayload command) =>
        new(ExecuteTrade, seq, time, "main_marl_core", $"main_marl_core:{seq}", command);

    private static async Task<BacktestExecutionHandler> StartedAsync(RecordingComponentContext context)
    {
        var handler = new BacktestExecutionHandler(context);
        await handler.StartAsync(CancellationToken.None);
        return handler;
    }

    [Fact]
    public void It_is_the_position_keeper_the_kernel_protects()
    {
        Assert.True(typeof(IPositionKeeper).IsAssignableFrom(typeof(BacktestExecutionHandler)));
    }

    [Fact]
    public async Task Events_in_give_orders_positions_and_trades_out_all_stamped_with_simulation_time()
    {
        var context = Context();
        var handler = await StartedAsync(context);

        await handler.HandleAsync(Tick(1, At(10, 0), 5000), CancellationToken.None);
        await handler.HandleAsync(Decision(1, At(10, 0), Command(size: 2)), CancellationToken.None);
        await handler.HandleAsync(Tick(2, At(10, 0, 30), 5000), CancellationToken.None);
        await handler.HandleAsync(Tick(3, At(10, 3), 5010.5), CancellationToken.None);

        var published = context.RecordingBus.Published;
        Assert.Equal([OrderSubmitted, OrderFilled, OrderSubmitted, OrderSubmitted, PositionUpdate, OrderFilled, OrderCancelled, TradeClosed, PositionUpdate],
            published.Select(e => e.Type));
        Assert.All(published, e => Assert.InRange(e.SimTime, At(10, 0), At(10, 3)));
        Assert.Equal(965, ((TradeClosedPayload)published.Single(e => e.Type == TradeClosed).Payload!).Performance.NetPnl);
        Assert.Contains(context.RecordingLogger.Entries, e => e.EventId == 451);
    }

    [Fact]
    public async Task Protect_positions_publishes_the_cancellations_and_the_flattening_trade()
    {
        var context = Context();
        var handler = await StartedAsync(context);
        await handler.HandleAsync(Tick(1, At(10, 0), 5000), CancellationToken.None);
        await handler.HandleAsync(Decision(1, At(10, 0), Command()), CancellationToken.None);
        await handler.HandleAsync(Tick(2, At(10, 0, 30), 5000), CancellationToken.None);
        context.RecordingBus.Published.Clear();

        await ((IPositionKeeper)handler).ProtectPositionsAsync(BookProtection.Emergency("test"), CancellationToken.None);

        Assert.Equal([OrderCancelled, OrderCancelled, OrderSubmitted, OrderFilled, TradeClosed, PositionUpdate], context.RecordingBus.Published.Select(e => e.Type));
        Assert.Equal(ExitReasons.Emergency, ((TradeClosedPayload)context.RecordingBus.Published.Single(e => e.Type == TradeClosed).Payload!).Exit.Reason);
    }

    [Theory]
    [InlineData(false, LogLevel.Information)]
    [InlineData(true, LogLevel.Warning)]
    public async Task Protecting_the_book_is_information_on_a_shutdown_and_a_warning_on_the_emergency_path(bool emergency, LogLevel expected)
    {
        var context = Context();
        var handler = await StartedAsync(context);

        await ((IPositionKeeper)handler).ProtectPositionsAsync(emergency ? BookProtection.Emergency("test") : BookProtection.Shutdown(true), CancellationToken.None);

        Assert.Equal(expected, Assert.Single(context.RecordingLogger.Entries, e => e.EventId == 453).Level);
    }

    [Fact]
    public async Task A_decision_without_its_payload_is_a_non_critical_system_error_when_the_entry_publishes_them_and_only_logged_otherwise()
    {
        var declared = Context();
        await (await StartedAsync(declared)).HandleAsync(new EventEnvelope(ExecuteTrade, 1, At(10, 0), "m", "c", null), CancellationToken.None);
        Assert.False(((SystemErrorPayload)Assert.Single(declared.RecordingBus.Published).Payload!).Critical);

        var undeclared = Context(AllOutputs.Where(t => t != SystemError).ToArray());
        await (await StartedAsync(undeclared)).HandleAsync(new EventEnvelope(ExecuteTrade, 1, At(10, 0), "m", "c", null), CancellationToken.None);
        Assert.Empty(undeclared.RecordingBus.Published);
        Assert.Contains(undeclared.RecordingLogger.Entries, e => e.EventId == 454);
    }

    [Fact]
    public async Task State_restored_before_initialisation_like_the_host_does_keeps_the_open_trade_and_its_bracket()
    {
        var first = Context();
        var original = await StartedAsync(first);
        await original.HandleAsync(Tick(1, At(10, 0), 5000), CancellationToken.None);
        await original.HandleAsync(Decision(1, At(10, 0), Command()), CancellationToken.None);
        await original.HandleAsync(Tick(2, At(10, 0, 30), 5000), CancellationToken.None);
        var snapshot = OrleansRoundTrip.Copy(original.SaveState()!);

        var second = Context();
        var restored = new BacktestExecutionHandler(second);
        restored.RestoreState(snapshot);
        await restored.HandleAsync(Tick(3, At(10, 1), 4989), CancellationToken.None);

        var closed = (TradeClosedPayload)second.RecordingBus.Published.Single(e => e.Type == TradeClosed).Payload!;
        Assert.Equal((ExitReasons.StopLoss, 5000.25, 4988.75), (closed.Exit.Reason, closed.Entry.Price, closed.Exit.Price));
    }
}

/// <summary>The journal: written before each acknowledgement, and reconciled with a replay after a crash.</summary>
public sealed class ExecutionJournalTests
{
    private static readonly string[] AllOutputs = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, SystemError];

    private static RecordingComponentContext Context() =>
        new("backtest_execution_handler",
            new AlgoSpaceSettings { Execution = Defaults(), System = new SystemSettings { RunSeed = 42 } },
            [ExecuteTrade, NewTick, New5MinBar], AllOutputs);

    private static EventEnvelope Tick(long seq, DateTime time, double price) =>
        new(NewTick, seq, time, "data_handler", $"data_handler:{seq}", new TickPayload("ES", time, price, 1, null, null));

    private static EventEnvelope Decision(long seq, DateTime time, ExecuteTradePayload command) =>
        new(ExecuteTrade, seq, time, "main_marl_core", $"main_marl_core:{seq}", command);

    private static readonly EventEnvelope[] Trade =
    [
        Tick(1, At(10, 0), 5000), Decision(1, At(10, 0), Command()), Tick(2, At(10, 0, 30), 5000), Tick(3, At(10, 3), 5010.5), Tick(4, At(10, 4), 5011),
    ];

    private static async Task<BacktestExecutionHandler> RunAsync(RecordingComponentContext context, object? snapshot, IEnumerable<EventEnvelope> events)
    {
        var handler = new BacktestExecutionHandler(context);
        if (snapshot is not null) handler.RestoreState(snapshot);
        await handler.StartAsync(CancellationToken.None);
        foreach (var e in events) await handler.HandleAsync(e, CancellationToken.None);
        return handler;
    }

    [Fact]
    public async Task Every_published_event_is_journaled_first_with_its_order_id()
    {
        var context = Context();
        await RunAsync(context, null, Trade);

        var journaled = context.RecordingJournal.Appended;
        Assert.Equal(context.RecordingBus.Published.Count, journaled.Count);
        Assert.Equal(context.RecordingBus.Published.Select(e => e.Type), journaled.Select(r => r.Key.Split(':')[0]));
        Assert.Contains(journaled, r => r.Key == "TRADE_CLOSED:EX1");
        Assert.All(journaled, r => Assert.Null(r.VenueState));
        var orderKeys = journaled.Select(r => r.Key).Where(k => !k.StartsWith(PositionUpdate, StringComparison.Ordinal)).ToList();
        Assert.Equal(orderKeys.Count, orderKeys.Distinct().Count());
    }

    [Fact]
    public async Task A_replay_after_a_crash_journals_nothing_twice_and_publishes_the_same_events()
    {
        // The checkpoint is taken before the decision; the crash comes after the trade closed.
        var before = Context();
        var original = await RunAsync(before, null, Trade.Take(1));
        var checkpoint = OrleansRoundTrip.Copy(original.SaveState()!);
        foreach (var e in Trade.Skip(1)) await original.HandleAsync(e, CancellationToken.None);
        var journal = before.RecordingJournal.Appended.ToList();
        Assert.NotEmpty(journal);

        var after = Context();
        after.RecordingJournal = new AlgoSpace.Grains.Components.Journal.InMemoryJournal(journal);
        var restored = await RunAsync(after, checkpoint, Trade.Skip(1));

        Assert.Empty(after.RecordingJournal.Appended);
        Assert.Equal(before.RecordingBus.Published.Select(e => e.Payload), after.RecordingBus.Published.Select(e => e.Payload));
        Assert.Equal($"awaiting=0 matched={journal.Count} mismatched=0 unreproduced=0 refusal=none", restored.Query("journal"));
    }

    [Fact]
    public async Task A_journaled_order_the_replay_does_not_make_is_reported_and_kept_in_the_checkpoint()
    {
        var before = Context();
        var original = await RunAsync(before, null, Trade.Take(1));
        var checkpoint = OrleansRoundTrip.Copy(original.SaveState()!);
        foreach (var e in Trade.Skip(1)) await original.HandleAsync(e, CancellationToken.None);

        // A replay without the decision: the journaled order never comes back.
        var after = Context();
        after.RecordingJournal = new AlgoSpace.Grains.Components.Journal.InMemoryJournal(before.RecordingJournal.Appended.ToList());
        // It is known to have passed the order once a tick of the next 5-minute bucket comes (within a bucket, a
        // portfolio's account sees one instrument's ticks after another's, so earlier ticks may still follow).
        var restored = await RunAsync(after, checkpoint, Trade.Skip(2).Append(Tick(5, At(10, 5), 5011)));

        Assert.Contains(after.RecordingLogger.Entries, e => e.EventId == 460);
        Assert.NotEmpty(after.Degraded);
        var saved = (ExecutionHandlerState)OrleansRoundTrip.Copy(restored.SaveState()!);
        Assert.Equal(before.RecordingJournal.Appended.Count, saved.Unreproduced.Count);
    }
}

/// <summary>Live mode: the paper venue is reconciled with the journal at start, and nothing is traded until it agrees.</summary>
public sealed class PaperVenueReconciliationTests
{
    private static readonly string[] AllOutputs = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, SystemError];

    private static RecordingComponentContext Context() =>
        new("paper_execution_handler",
            new AlgoSpaceSettings { Execution = Defaults(), System = new SystemSettings { RunSeed = 42, Mode = TradingMode.Live } },
            [ExecuteTrade, NewTick, New5MinBar], AllOutputs);

    private static EventEnvelope Tick(long seq, DateTime time, double price) =>
        new(NewTick, seq, time, "data_handler", $"data_handler:{seq}", new TickPayload("ES", time, price, 1, null, null));

    private static async Task<PaperExecutionHandler> StartedAsync(RecordingComponentContext context, object? snapshot = null)
    {
        var handler = new PaperExecutionHandler(context);
        if (snapshot is not null) handler.RestoreState(snapshot);
        await handler.StartAsync(CancellationToken.None);
        return handler;
    }

    [Fact]
    public async Task A_restart_adopts_the_book_the_venue_acknowledged_after_the_checkpoint()
    {
        var before = Context();
        var original = await StartedAsync(before);
        await original.HandleAsync(Tick(1, At(10, 0), 5000), CancellationToken.None);
        var checkpoint = OrleansRoundTrip.Copy(original.SaveState()!);
        await original.HandleAsync(new EventEnvelope(ExecuteTrade, 1, At(10, 0), "m", "c", Command()), CancellationToken.None);
        await original.HandleAsync(Tick(2, At(10, 0, 30), 5000), CancellationToken.None);
        var journal = before.RecordingJournal.Appended.Select(r => (AlgoSpace.Grains.Components.Journal.JournalRecord)OrleansRoundTrip.Copy(r)).ToList();
        Assert.NotNull(journal[^1].VenueState);

        var after = Context();
        after.RecordingJournal = new AlgoSpace.Grains.Components.Journal.InMemoryJournal(journal);
        var restored = await StartedAsync(after, checkpoint);

        Assert.Contains(after.RecordingLogger.Entries, e => e.EventId == 457);
        Assert.Equal(original.Query("status"), restored.Query("status"));
        Assert.Contains("positions=+1", restored.Query("status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_restart_what_was_acknowledged_since_the_checkpoint_is_published_again_before_the_next_event()
    {
        var before = Context();
        var original = await StartedAsync(before);
        await original.HandleAsync(Tick(1, At(10, 0), 5000), CancellationToken.None);
        var checkpoint = OrleansRoundTrip.Copy(original.SaveState()!);
        var atCheckpoint = before.RecordingBus.Published.Count;
        await original.HandleAsync(new EventEnvelope(ExecuteTrade, 1, At(10, 0), "m", "c", Command()), CancellationToken.None);
        await original.HandleAsync(Tick(2, At(10, 0, 30), 5000), CancellationToken.None);
        // Far below the stop: the trade closes, so the tracker's TRADE_CLOSED is among what was acknowledged.
        await original.HandleAsync(Tick(3, At(10, 1), 4000), CancellationToken.None);
        var acknowledged = before.RecordingBus.Published.Skip(atCheckpoint).ToList();
        Assert.Contains(acknowledged, e => e.Type == TradeClosed);

        var after = Context();
        after.RecordingJournal = new AlgoSpace.Grains.Components.Journal.InMemoryJournal(
            before.RecordingJournal.Appended.Select(r => (AlgoSpace.Grains.Components.Journal.JournalRecord)OrleansRoundTrip.Copy(r)).ToList());
        var restored = await StartedAsync(after, checkpoint);
        Assert.Empty(after.RecordingBus.Published);
        await restored.HandleAsync(Tick(4, At(10, 2), 4000), CancellationToken.None);

        // The same events, in the same order, with the same content and times; and not journaled again.
        Assert.Equal(acknowledged.Select(Describe), after.RecordingBus.Published.Take(acknowledged.Count).Select(Describe));
        Assert.Empty(after.RecordingJournal.Appended);
        Assert.Contains(after.RecordingLogger.Entries, e => e.EventId == 463);
    }

    private static string Describe(EventEnvelope e) =>
        $"{e.Type} {e.SimTime:O} {System.Text.Json.JsonSerializer.Serialize(e.Payload, e.Payload!.GetType())}";

    [Fact]
    public async Task A_journal_the_venue_cannot_agree_with_stops_trading_and_says_why()
    {
        var context = Context();
        context.RecordingJournal = new AlgoSpace.Grains.Components.Journal.InMemoryJournal([new("ORDER_SUBMITTED:X", "{}", At(10, 0))]);
        var handler = await StartedAsync(context);

        await handler.HandleAsync(Tick(1, At(10, 1), 5000), CancellationToken.None);
        await handler.HandleAsync(new EventEnvelope(ExecuteTrade, 1, At(10, 1), "m", "c", Command()), CancellationToken.None);

        Assert.DoesNotContain(context.RecordingBus.Published, e => e.Type == OrderSubmitted);
        Assert.Contains(context.RecordingLogger.Entries, e => e.EventId == 459);
        Assert.Contains("trading_refused=", handler.Query("status"), StringComparison.Ordinal);
        Assert.Contains(context.Degraded, d => d.Contains("carries no venue book", StringComparison.Ordinal));
    }
}
