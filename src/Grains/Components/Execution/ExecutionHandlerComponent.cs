using AlgoSpace.Components.Calls;
using AlgoSpace.Components.Execution.Venues;
using AlgoSpace.Configuration;
using AlgoSpace.Events;
using static AlgoSpace.Events.EventTypes;

namespace AlgoSpace.Components.Execution;

/// <summary>
/// An execution handler (component-contracts 2.9): a thin adapter from EXECUTE_TRADE, NEW_TICK and NEW_5MIN_BAR to
/// an <see cref="IExecutionVenue"/>, publishing what the venue returns in its order. It is the position keeper the
/// kernel protects at shutdown and before a mode switch, and it answers the operator's <see cref="AccountViewRequest"/>.
/// A NEW_TICK may carry a <see cref="TickBatchPayload"/>: its ticks are simulated one by one, in order. An order
/// state change that the state table forbids means the book can no longer be trusted, so it becomes a fatal error
/// (the kernel then runs the emergency shutdown). The kinds differ only in their venue (LEAN's pattern: one
/// handler, a backtest and a live implementation chosen by configuration).
/// </summary>
public abstract partial class ExecutionHandlerComponent : ICallableComponent, IPositionKeeper
{
    private IComponentContext? _context;
    private IExecutionVenue? _venue;
    private readonly SnapshotSlot<object> _snapshot = new();

    private IComponentContext Context => _context ?? throw new InvalidOperationException("The execution handler is not initialised.");

    private IExecutionVenue Venue => _venue ?? throw new InvalidOperationException("The execution handler is not initialised.");

    /// <summary>The venue this kind trades at, created from the settings the component runs with.</summary>
    protected abstract IExecutionVenue CreateVenue(AlgoSpaceSettings settings);

    public ValueTask InitializeAsync(IComponentContext context, CancellationToken cancellation)
    {
        _context = context;
        _venue = CreateVenue(context.Settings);
        // The host restores state before it initialises, so the snapshot waits for the venue.
        _snapshot.Attach(_venue.RestoreState);
        return ValueTask.CompletedTask;
    }

    public async ValueTask StartAsync(CancellationToken cancellation)
    {
        await Venue.ConnectAsync(cancellation);
        LogVenue(Context.Logger, Context.Spec.Name, Venue.Name);
    }

    public ValueTask<ComponentReply> AnswerAsync(ComponentRequest request, CancellationToken cancellation) => request switch
    {
        AccountViewRequest => ValueTask.FromResult<ComponentReply>(new AccountViewReply(Venue.Book(Context.Spec.Name))),
        _ => throw new ComponentCallException($"{Context.Spec.Name} answers {nameof(AccountViewRequest)}, not {request.GetType().Name}."),
    };

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        try
        {
            await HandleEventAsync(envelope, cancellation);
        }
        catch (InvalidOrderTransitionException ex)
        {
            throw OrderBookInconsistent(ex);
        }
    }

    private async Task HandleEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope is { Type: NewTick, Payload: TickBatchPayload batch })
        {
            await OnTickBatchAsync(batch);
            return;
        }

        var events = envelope switch
        {
            { Type: ExecuteTrade, Payload: ExecuteTradePayload command } => await Venue.SubmitAsync(command, envelope.SimTime, cancellation),
            { Type: NewTick, Payload: TickPayload tick } => await Venue.OnTickAsync(tick, envelope.Seq, cancellation),
            { Type: New5MinBar, Payload: BarPayload bar } => await Venue.OnBarAsync(bar, cancellation),
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
        var venue = Venue;
        for (var i = 0; i < batch.Ticks.Count; i++)
        {
            var events = await venue.OnTickAsync(batch.Ticks[i], batch.FirstTickSeq + i, CancellationToken.None);
            if (events.Count > 0) await PublishAsync(events);
        }
    }

    public async ValueTask ProtectPositionsAsync(bool flatten, string reason, CancellationToken cancellation)
    {
        IReadOnlyList<PublishedEvent> events;
        try
        {
            events = await Venue.ProtectAsync(flatten, reason, cancellation);
        }
        catch (InvalidOrderTransitionException ex)
        {
            throw OrderBookInconsistent(ex);
        }

        LogProtected(Context.Logger, flatten, reason, events.Count(e => e.Type == OrderCancelled), events.Count(e => e.Type == TradeClosed));
        await PublishAsync(events);
    }

    public ValueTask StopAsync(CancellationToken cancellation) => _venue?.DisconnectAsync(cancellation) ?? ValueTask.CompletedTask;

    public object? SaveState() => _snapshot.Save(_venue is null ? null : _venue.SaveState);

    public void RestoreState(object state) => _snapshot.Restore(state, _venue is null ? null : _venue.RestoreState);

    public string Query(string question) => question switch
    {
        "status" when _venue is { } venue => StatusLine(venue.Book(Context.Spec.Name)),
        _ => _venue?.Query(question) ?? "",
    };

    private static string StatusLine(Operator.AccountView book) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"venue={book.Venue} positions={book.Positions.Sum(p => p.Quantity):+#;-#;0} working_orders={book.Orders.Count} pnl_today={book.RealizedPnlToday:F2} unrealized={book.UnrealizedPnl:F2} equity={book.Equity:F2}");

    /// <summary>An order state change the state table forbids: the book can no longer be trusted.</summary>
    private static FatalComponentException OrderBookInconsistent(InvalidOrderTransitionException ex) =>
        new($"Order book inconsistent: {ex.Message}", ex);

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

    [LoggerMessage(EventId = 455, Level = LogLevel.Information, Message = "Execution handler {Component} trades at the {Venue} venue")]
    private static partial void LogVenue(ILogger logger, string component, string venue);

    [LoggerMessage(EventId = 454, Level = LogLevel.Error, Message = "{EventType} #{Seq} from {Source} carried {Found}; ignored")]
    private static partial void LogBadPayload(ILogger logger, string eventType, long seq, string source, string found);
}
