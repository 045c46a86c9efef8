using System.Text.Json;
using AlgoSpace.Grains.Components.Execution.Venues;
using AlgoSpace.Grains.Components.Journal;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData.Bars;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// An execution handler (component-contracts 2.9): a thin adapter from EXECUTE_TRADE, NEW_TICK and NEW_5MIN_BAR to
/// an <see cref="IExecutionVenue"/>, publishing what the venue returns in its order. It is the position keeper the
/// kernel protects at shutdown and before a mode switch, and it answers the operator's <see cref="AccountViewRequest"/>.
/// A NEW_TICK may carry a <see cref="TickBatchPayload"/>: its ticks are simulated one by one, in order. An order
/// state change that the state table forbids means the book can no longer be trusted, so it becomes a fatal error
/// (the kernel then runs the emergency shutdown). The kinds differ only in their venue (LEAN's pattern: one
/// handler, a backtest and a live implementation chosen by configuration).
/// Every event it publishes is journaled first (<see cref="IComponentJournal"/>), keyed by type and deterministic
/// order or execution id. After a restore, a backtest replays from the checkpoint and the <see cref="JournalReconciler"/>
/// recognises what was acknowledged before the crash; in live mode the venue is reconciled with the journal at start,
/// and the handler refuses to trade until that succeeds.
/// </summary>
public abstract partial class ExecutionHandlerComponent : ComponentAdapter<ExecutionHandlerState>, ICallableComponent, IPositionKeeper
{
    /// <summary>The venue this kind trades at, created from the settings the component runs with.</summary>
    private IExecutionVenue Venue { get; }

    /// <summary>
    /// True where the venue's book is the truth and a restart cannot replay it (live): the venue's state is journaled
    /// with each acknowledgement and reconciled at start. False where a restart replays the data (backtest).
    /// </summary>
    private readonly bool _reconcilesWithVenue;

    private JournalReconciler _reconciler;

    /// <summary>Minutes of the smallest timeframe: the grain at which a replay is known to have passed a journal record.</summary>
    private readonly int _smallestTimeframe;

    /// <summary>Live restart: the journal records the venue has to agree with before the handler trades.</summary>
    private List<JournalRecord>? _venueJournal;

    /// <summary>
    /// Live restart: what was acknowledged since the checkpoint, told again to the components that were restored to
    /// it, once the venue agrees (see <see cref="CatchUpAsync"/>); null when there is nothing to tell.
    /// </summary>
    private List<JournalRecord>? _catchUp;

    /// <summary>Why the handler refuses to trade (live: the venue does not agree with the journal); null when it trades.</summary>
    private string? _refusal;

    protected override int BadInputEventId => 454;

    protected ExecutionHandlerComponent(IComponentContext context, IExecutionVenue venue, bool reconcilesWithVenue) : base(context)
    {
        Venue = venue;
        _reconcilesWithVenue = reconcilesWithVenue;
        _smallestTimeframe = context.Settings.Timeframes.Where(t => t >= 1).DefaultIfEmpty(1).Min();
        var recovered = context.Journal.Recovered;
        _reconciler = new JournalReconciler([.. recovered]);
        if (recovered.Count > 0) LogRecovered(context.Logger, context.Spec.Name, recovered.Count, reconcilesWithVenue ? "reconciled with the venue at start" : "reconciled as the replay produces them again");
    }

    public override async ValueTask StartAsync(CancellationToken cancellation)
    {
        await Venue.ConnectAsync(cancellation);
        LogVenue(Context.Logger, Context.Spec.Name, Venue.Name);
        if (_reconcilesWithVenue && _reconciler.Awaiting.Count > 0)
        {
            // Live: nothing replays, so the journal is reconciled with the venue, not with a replay.
            _venueJournal = [.. _reconciler.Awaiting];
            _reconciler = new JournalReconciler([], _reconciler.Unreproduced);
            await ReconcileWithVenueAsync(cancellation);
        }
    }

    /// <summary>
    /// Live restart: the venue holds what was acknowledged after the checkpoint, and the journal says what that was.
    /// Until the two agree, no trade is placed.
    /// </summary>
    private async Task ReconcileWithVenueAsync(CancellationToken cancellation)
    {
        var journal = _venueJournal ?? [];
        _refusal = await Venue.ReconcileAsync(journal, cancellation) is { } disagreement
            ? $"the {Venue.Name} venue does not agree with the journal ({journal.Count} records since the checkpoint): {disagreement}"
            : null;
        if (_refusal is null)
        {
            LogReconciled(Context.Logger, Context.Spec.Name, Venue.Name, journal.Count);
            _catchUp = journal.Count > 0 ? journal : null;
            _venueJournal = null;
        }
        else
        {
            LogTradingRefused(Context.Logger, Context.Spec.Name, _refusal);
            Context.ReportDegraded($"trading refused: {_refusal}");
        }
    }

    public ValueTask<ComponentReply> AnswerAsync(ComponentRequest request, CancellationToken cancellation) => request switch
    {
        AccountViewRequest => ValueTask.FromResult<ComponentReply>(new AccountViewReply(Venue.Book(Context.Spec.Name))),
        _ => throw new ComponentCallException($"{Context.Spec.Name} answers {nameof(AccountViewRequest)}, not {request.GetType().Name}."),
    };

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
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
        if (_catchUp is { } acknowledged)
        {
            _catchUp = null;
            await CatchUpAsync(acknowledged);
        }

        if (envelope is { Type: NewTick, Payload: TickBatchPayload batch })
        {
            await OnTickBatchAsync(batch);
            return;
        }

        if (envelope is { Type: ExecuteTrade } && _refusal is not null)
        {
            await ReconcileWithVenueAsync(cancellation);
            if (_refusal is not null)
            {
                LogCommandRefused(Context.Logger, envelope.Seq, envelope.Source, _refusal);
                return;
            }
        }

        if (envelope is { Type: NewTick, Payload: TickPayload single }) ReportPassed(single.Timestamp);
        var events = envelope switch
        {
            { Type: ExecuteTrade, Payload: ExecuteTradePayload command } => await Venue.SubmitAsync(command, envelope.SimTime, cancellation),
            { Type: NewTick, Payload: TickPayload tick } => await Venue.OnTickAsync(tick, envelope.Seq, cancellation),
            { Type: New5MinBar, Payload: BarPayload bar } => await Venue.OnBarAsync(bar, cancellation),
            _ => null,
        };

        if (events is null)
        {
            // An event without its payload is a producer bug: reported, not fatal, and the run goes on.
            await ReportBadInputAsync(envelope, $"{envelope.Type} #{envelope.Seq} from {envelope.Source} carried {Carried(envelope)}.");
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
            ReportPassed(batch.Ticks[i].Timestamp);
            var events = await venue.OnTickAsync(batch.Ticks[i], batch.FirstTickSeq + i, CancellationToken.None);
            if (events.Count > 0) await PublishAsync(events);
        }
    }

    public async ValueTask ProtectPositionsAsync(BookProtection protection, CancellationToken cancellation)
    {
        IReadOnlyList<PublishedEvent> events;
        try
        {
            events = await Venue.ProtectAsync(protection, cancellation);
        }
        catch (InvalidOrderTransitionException ex)
        {
            throw OrderBookInconsistent(ex);
        }

        // A shutdown or mode switch protects the book as a matter of course; only the emergency path is worth a warning.
        var level = protection.Cause == ProtectionCause.Emergency ? LogLevel.Warning : LogLevel.Information;
        LogProtected(Context.Logger, level, protection.Flatten, protection.Reason, events.Count(e => e.Type == OrderCancelled), events.Count(e => e.Type == TradeClosed));
        await PublishAsync(events);
    }

    public override ValueTask StopAsync(CancellationToken cancellation)
    {
        if (_reconciler.Matched + _reconciler.Mismatched + _reconciler.Unreproduced.Count + _reconciler.Awaiting.Count > 0)
        {
            LogJournalSummary(Context.Logger, Context.Spec.Name, _reconciler.Matched, _reconciler.Mismatched, _reconciler.Unreproduced.Count, _reconciler.Awaiting.Count);
        }

        return Venue.DisconnectAsync(cancellation);
    }

    /// <summary>The venue's book, with the journal records a replay still has to produce and those it never did.</summary>
    protected override ExecutionHandlerState Save() => new(Venue.SaveState(), [.. _reconciler.Awaiting], [.. _reconciler.Unreproduced]);

    /// <summary>
    /// The snapshot's book and records; the journal records recovered since that checkpoint (given at construction)
    /// come after the snapshot's own, in the order they were produced.
    /// </summary>
    protected override void Restore(ExecutionHandlerState state)
    {
        Venue.RestoreState(state.Venue);
        _reconciler = new JournalReconciler([.. state.Awaiting, .. _reconciler.Awaiting], [.. state.Unreproduced, .. _reconciler.Unreproduced]);
    }

    public override string Query(string question) => question switch
    {
        "status" => StatusLine(Venue.Book(Context.Spec.Name)),
        "journal" => $"awaiting={_reconciler.Awaiting.Count} matched={_reconciler.Matched} mismatched={_reconciler.Mismatched} unreproduced={_reconciler.Unreproduced.Count} refusal={_refusal ?? "none"}",
        _ => Venue.Query(question),
    };

    private string StatusLine(AlgoSpace.Grains.Interfaces.Operator.AccountView book) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"venue={book.Venue} positions={book.Positions.Sum(p => p.Quantity):+#;-#;0} working_orders={book.Orders.Count} pnl_today={book.RealizedPnlToday:F2} unrealized={book.UnrealizedPnl:F2} equity={book.Equity:F2}")
        + (_refusal is null ? "" : $" trading_refused=\"{_refusal}\"")
        + (_reconciler.Unreproduced.Count == 0 ? "" : $" unreproduced_journal_records={_reconciler.Unreproduced.Count}");

    /// <summary>
    /// Journal records the replay has moved past without producing: the run is not deterministic. Loud, and kept.
    /// "Past" is measured at the start of the tick's bucket of the smallest timeframe, not at the tick: a portfolio's
    /// window gives the account one instrument's ticks of a bucket after another's (TickWindow), so a tick of the
    /// first instrument may be later than an order the second one places in the same bucket.
    /// </summary>
    private void ReportPassed(DateTime tickTime)
    {
        foreach (var record in _reconciler.Passed(BarClock.Floor(tickTime, _smallestTimeframe)))
        {
            LogUnreproduced(Context.Logger, Context.Spec.Name, record.Key, record.SimTime, record.Detail);
            Context.ReportDegraded($"journal record {record.Key} at {record.SimTime:O} was not produced again by the replay (kept; the run is not deterministic)");
        }
    }

    /// <summary>An order state change the state table forbids: the book can no longer be trusted.</summary>
    private static FatalComponentException OrderBookInconsistent(InvalidOrderTransitionException ex) =>
        new($"Order book inconsistent: {ex.Message}", ex);

    private async Task PublishAsync(IReadOnlyList<PublishedEvent> events)
    {
        // Orders, fills and positions are journaled before they are acknowledged on the bus: a crash after an
        // acknowledgement can never lose the order or position it acknowledged. What a replay produces again was
        // journaled by the previous incarnation and is not journaled twice.
        if (events.Count == 0) return;
        var outcome = _reconciler.Reconcile(ToRecords(events));
        foreach (var (journaled, produced) in outcome.Mismatches)
        {
            LogMismatch(Context.Logger, Context.Spec.Name, journaled.Key, journaled.Detail, produced.Detail);
            Context.ReportDegraded($"journal record {journaled.Key} was produced again with other content (both kept; the run is not deterministic)");
        }

        await Context.Journal.AppendAsync(outcome.ToJournal);
        foreach (var e in events)
        {
            Log(e);
            await Context.Bus.PublishAsync(e.Type, e.Payload, e.SimTime);
        }
    }

    private static readonly JsonSerializerOptions DetailFormat = new() { WriteIndented = false };

    /// <summary>
    /// Live restart: the fills, positions and closed trades acknowledged after the checkpoint are true (the venue
    /// holds them and agrees with the journal), but the components restored to the checkpoint (the tracker, each
    /// instrument's M-RMS and MARL core) never heard of them, and a live feed cannot replay what caused them. So they
    /// are published again, from the journal, in their order, before the first event after the restart is handled
    /// (by then every component has started), and not journaled twice. Without this a trade closed between the
    /// checkpoint and a crash was in the account but missing from the report and from the risk model's day.
    /// </summary>
    private async Task CatchUpAsync(IReadOnlyList<JournalRecord> acknowledged)
    {
        foreach (var record in acknowledged)
        {
            var type = record.Key[..record.Key.IndexOf(':', StringComparison.Ordinal)];
            if (PayloadTypeOf(type) is not { } payloadType) continue;
            var payload = (EventPayload)JsonSerializer.Deserialize(record.Detail, payloadType, DetailFormat)!;
            await Context.Bus.PublishAsync(type, payload, record.SimTime);
        }

        LogCaughtUp(Context.Logger, Context.Spec.Name, acknowledged.Count);
    }

    /// <summary>The payload type of each event an execution handler journals (component-contracts 2.9).</summary>
    private static Type? PayloadTypeOf(string eventType) => eventType switch
    {
        OrderSubmitted or OrderFilled or OrderRejected or OrderCancelled => typeof(OrderEventPayload),
        PositionUpdate => typeof(PositionUpdatePayload),
        TradeClosed => typeof(TradeClosedPayload),
        RiskBreach => typeof(RiskBreachPayload),
        _ => null,
    };

    /// <summary>
    /// Journal records of events: keyed by type and the deterministic order (or execution) id, with the payload as
    /// JSON for the comparison; in live mode the venue's book after them rides on the last.
    /// </summary>
    private List<JournalRecord> ToRecords(IReadOnlyList<PublishedEvent> events)
    {
        var records = new List<JournalRecord>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var id = e.Payload switch
            {
                OrderEventPayload order => order.OrderId,
                TradeClosedPayload closed => closed.ExecutionId,
                PositionUpdatePayload position => $"{position.Symbol}@{e.SimTime:O}",
                _ => e.SimTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            };
            var venue = _reconcilesWithVenue && i == events.Count - 1 ? Venue.SaveState() : null;
            records.Add(new JournalRecord($"{e.Type}:{id}", JsonSerializer.Serialize(e.Payload, e.Payload.GetType(), DetailFormat), e.SimTime, venue));
        }

        return records;
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

    [LoggerMessage(EventId = 450, Level = LogLevel.Information, Message = "Order {OrderId} of {ExecutionId} rejected: {Reason}")]
    private static partial void LogOrderRejected(ILogger logger, string orderId, string executionId, string? reason);

    [LoggerMessage(EventId = 451, Level = LogLevel.Information, Message = "Trade {ExecutionId} ({Direction:+#;-#}) closed {EntryPrice} -> {ExitPrice} by {Reason}: net {NetPnl:F2} USD")]
    private static partial void LogTradeClosed(ILogger logger, string executionId, int direction, double entryPrice, double exitPrice, string reason, double netPnl);

    [LoggerMessage(EventId = 452, Level = LogLevel.Warning, Message = "Risk breach {Code}: {Message}")]
    private static partial void LogRiskBreach(ILogger logger, string code, string message);

    [LoggerMessage(EventId = 453, Message = "Positions protected (flatten: {Flatten}, reason: {Reason}): {Cancelled} orders cancelled, {Closed} trades closed")]
    private static partial void LogProtected(ILogger logger, LogLevel level, bool flatten, string reason, int cancelled, int closed);

    [LoggerMessage(EventId = 455, Level = LogLevel.Information, Message = "Execution handler {Component} trades at the {Venue} venue")]
    private static partial void LogVenue(ILogger logger, string component, string venue);

    [LoggerMessage(EventId = 456, Level = LogLevel.Information, Message = "{Component}: {Count} journal records since the restored checkpoint, {How}")]
    private static partial void LogRecovered(ILogger logger, string component, int count, string how);

    [LoggerMessage(EventId = 457, Level = LogLevel.Information, Message = "{Component}: the {Venue} venue agrees with the journal ({Count} records); trading")]
    private static partial void LogReconciled(ILogger logger, string component, string venue, int count);

    [LoggerMessage(EventId = 458, Level = LogLevel.Error, Message = "{Component} refuses to trade: {Reason}")]
    private static partial void LogTradingRefused(ILogger logger, string component, string reason);

    [LoggerMessage(EventId = 459, Level = LogLevel.Error, Message = "EXECUTE_TRADE #{Seq} from {Source} not placed: {Reason}")]
    private static partial void LogCommandRefused(ILogger logger, long seq, string source, string reason);

    [LoggerMessage(EventId = 460, Level = LogLevel.Error, Message = "{Component}: journal record {Key} at {SimTime:O} was not produced again by the replay; it is kept. Journaled: {Detail}")]
    private static partial void LogUnreproduced(ILogger logger, string component, string key, DateTime simTime, string detail);

    [LoggerMessage(EventId = 461, Level = LogLevel.Error, Message = "{Component}: journal record {Key} was produced again with other content; both are kept. Journaled: {Journaled} Produced: {Produced}")]
    private static partial void LogMismatch(ILogger logger, string component, string key, string journaled, string produced);

    [LoggerMessage(EventId = 462, Level = LogLevel.Information, Message = "{Component} journal reconciliation: {Matched} records produced again by the replay (not journaled twice), {Mismatched} mismatched, {Unreproduced} unreproduced, {Awaiting} still awaiting")]
    private static partial void LogJournalSummary(ILogger logger, string component, long matched, long mismatched, int unreproduced, int awaiting);

    [LoggerMessage(EventId = 463, Level = LogLevel.Information, Message = "{Component}: the {Count} events acknowledged since the restored checkpoint were published again from the journal, for the components restored to it")]
    private static partial void LogCaughtUp(ILogger logger, string component, int count);
}
