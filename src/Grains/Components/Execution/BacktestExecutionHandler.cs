using AlgoSpace.Configuration;
using AlgoSpace.Events;
using static AlgoSpace.Events.EventTypes;

namespace AlgoSpace.Components.Execution;

/// <summary>
/// The backtest_execution_handler component (component-contracts 2.9): a thin adapter from EXECUTE_TRADE, NEW_TICK
/// and NEW_5MIN_BAR to <see cref="ExecutionEngine"/>, publishing what the engine returns in its order. It is the
/// position keeper the kernel protects at shutdown. A NEW_TICK may carry a <see cref="TickBatchPayload"/>: its ticks are
/// simulated one by one, in order. An order state change that the state table forbids means
/// the book can no longer be trusted, so it becomes a fatal error (the kernel then runs the emergency shutdown).
/// </summary>
[ComponentKind("backtest_execution_handler",
    Role = ComponentRole.ExecutionHandler,
    Modes = ComponentMode.Backtest,
    Consumes = [ExecuteTrade, NewTick, New5MinBar],
    Produces = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, SystemError],
    Description = "Simulates fills against the replayed ticks.")]
public sealed partial class BacktestExecutionHandler : IComponent, IPositionKeeper
{
    private IComponentContext? _context;
    private ExecutionEngine? _engine;
    private readonly SnapshotSlot<ExecutionEngineState> _snapshot = new();

    private IComponentContext Context => _context ?? throw new InvalidOperationException("The execution handler is not initialised.");

    private ExecutionEngine Engine => _engine ?? throw new InvalidOperationException("The execution handler is not initialised.");

    public ValueTask InitializeAsync(IComponentContext context, CancellationToken cancellation)
    {
        _context = context;
        var settings = context.Settings;
        _engine = new ExecutionEngine(settings.Execution, settings.Backtesting.InitialCapital, settings.System.RunSeed, new InstrumentTable(settings.Instruments));
        // The host restores state before it initialises, so the snapshot waits for the engine.
        _snapshot.Attach(_engine.RestoreState);
        return ValueTask.CompletedTask;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope is { Type: NewTick, Payload: TickBatchPayload batch })
        {
            await OnTickBatchAsync(batch);
            return;
        }

        var events = envelope switch
        {
            { Type: ExecuteTrade, Payload: ExecuteTradePayload command } => Run(() => Engine.OnExecuteTrade(command, envelope.SimTime)),
            { Type: NewTick, Payload: TickPayload tick } => Run(() => Engine.OnTick(tick, envelope.Seq)),
            { Type: New5MinBar, Payload: BarPayload bar } => Run(() => Engine.OnBar(bar)),
            { Type: ExecuteTrade or NewTick or New5MinBar } => null,
            _ => [],
        };

        if (events is null)
        {
            await ReportBadPayloadAsync(envelope);
            return;
        }

        await PublishAsync(events);
    }

    /// <summary>
    /// A batch of ticks, one by one in order, each tick's events published before the next tick is simulated, as
    /// with one NEW_TICK per tick. Tick i is seq FirstTickSeq + i, the seq it would have carried alone.
    /// </summary>
    private async Task OnTickBatchAsync(TickBatchPayload batch)
    {
        var engine = Engine;
        for (var i = 0; i < batch.Ticks.Count; i++)
        {
            IReadOnlyList<PublishedEvent> events;
            try
            {
                events = engine.OnTick(batch.Ticks[i], batch.FirstTickSeq + i);
            }
            catch (InvalidOrderTransitionException ex)
            {
                throw new FatalComponentException($"Order book inconsistent: {ex.Message}", ex);
            }

            if (events.Count > 0) await PublishAsync(events);
        }
    }

    public async ValueTask ProtectPositionsAsync(bool flatten, string reason, CancellationToken cancellation)
    {
        var events = Run(() => Engine.ProtectPositions(flatten, reason));
        LogProtected(Context.Logger, flatten, reason, events.Count(e => e.Type == OrderCancelled), events.Count(e => e.Type == TradeClosed));
        await PublishAsync(events);
    }

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => _snapshot.Save(_engine is null ? null : _engine.SaveState);

    public void RestoreState(object state) => _snapshot.Restore(state, _engine is null ? null : _engine.RestoreState);

    public string Query(string question) => question switch
    {
        "counters" => Engine.Counters.ToString(),
        "trades" => string.Join("; ", Engine.Trades.Select(t => $"{t.ExecutionId} {t.Symbol} {t.Direction * t.Quantity:+#;-#} {t.Phase}")),
        "equity" => Engine.Equity.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    private static IReadOnlyList<PublishedEvent> Run(Func<IReadOnlyList<PublishedEvent>> step)
    {
        try
        {
            return step();
        }
        catch (InvalidOrderTransitionException ex)
        {
            throw new FatalComponentException($"Order book inconsistent: {ex.Message}", ex);
        }
    }

    private async Task PublishAsync(IReadOnlyList<PublishedEvent> events)
    {
        // Orders, fills and positions are saved before they are acknowledged on the bus: a crash after an
        // acknowledgement can never lose the order or position it acknowledged.
        if (events.Count > 0) await Context.SaveStateNowAsync();
        foreach (var e in events)
        {
            Log(e);
            await Context.Bus.PublishAsync(e.Type, e.Payload, e.SimTime);
        }
    }

    private void Log(PublishedEvent e)
    {
        var logger = Context.Logger;
        switch (e.Payload)
        {
            case OrderEventPayload { Status: "REJECTED" } rejected:
                LogOrderRejected(logger, rejected.OrderId, rejected.ExecutionId, rejected.Reason);
                break;
            case TradeClosedPayload closed:
                LogTradeClosed(logger, closed.ExecutionId, closed.Direction, closed.Entry.Price, closed.Exit.Price, closed.Exit.Reason, closed.Performance.NetPnl);
                break;
            case RiskBreachPayload breach:
                LogRiskBreach(logger, breach.Code, breach.Message);
                break;
        }
    }

    /// <summary>An event without its payload is a producer bug: reported, not fatal, and the run goes on.</summary>
    private async Task ReportBadPayloadAsync(EventEnvelope envelope)
    {
        var found = envelope.Payload?.GetType().Name ?? "no payload";
        LogBadPayload(Context.Logger, envelope.Type, envelope.Seq, envelope.Source, found);
        if (Context.Spec.Publishes.Contains(SystemError))
        {
            await Context.Bus.PublishAsync(SystemError,
                new SystemErrorPayload(Context.Spec.Name, "BadPayload", $"{envelope.Type} #{envelope.Seq} from {envelope.Source} carried {found}.", false),
                envelope.SimTime);
        }
    }

    [LoggerMessage(EventId = 450, Level = LogLevel.Information, Message = "Order {OrderId} of {ExecutionId} rejected: {Reason}")]
    private static partial void LogOrderRejected(ILogger logger, string orderId, string executionId, string? reason);

    [LoggerMessage(EventId = 451, Level = LogLevel.Information, Message = "Trade {ExecutionId} ({Direction:+#;-#}) closed {EntryPrice} -> {ExitPrice} by {Reason}: net {NetPnl:F2} USD")]
    private static partial void LogTradeClosed(ILogger logger, string executionId, int direction, double entryPrice, double exitPrice, string reason, double netPnl);

    [LoggerMessage(EventId = 452, Level = LogLevel.Warning, Message = "Risk breach {Code}: {Message}")]
    private static partial void LogRiskBreach(ILogger logger, string code, string message);

    [LoggerMessage(EventId = 453, Level = LogLevel.Warning, Message = "Positions protected (flatten: {Flatten}, reason: {Reason}): {Cancelled} orders cancelled, {Closed} trades closed")]
    private static partial void LogProtected(ILogger logger, bool flatten, string reason, int cancelled, int closed);

    [LoggerMessage(EventId = 454, Level = LogLevel.Error, Message = "{EventType} #{Seq} from {Source} carried {Found}; ignored")]
    private static partial void LogBadPayload(ILogger logger, string eventType, long seq, string source, string found);
}
