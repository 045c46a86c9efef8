using AlgoSpace.Components.Calls;
using AlgoSpace.Events;
using static AlgoSpace.Events.EventTypes;

namespace AlgoSpace.Components.Decision.Risk;

/// <summary>
/// The m_rms component (component-contracts 2.8): answers GenerateRiskProposal calls with <see cref="RiskManager"/>
/// and keeps its account mirror from TRADE_CLOSED and POSITION_UPDATE. Without a loaded <c>mrms</c> model it
/// runs degraded on the fixed fallback; the hard limits apply either way.
/// </summary>
[ComponentKind("m_rms",
    Consumes = [TradeClosed, PositionUpdate],
    Produces = [RiskBreach, SystemError],
    Models = ["mrms"],
    Description = "Sizes and brackets qualified trades: answers GenerateRiskProposal calls.")]
public sealed partial class MRms : ICallableComponent
{
    public const string ModelName = "mrms";

    private IComponentContext? _context;
    private RiskManager? _manager;
    private readonly SnapshotSlot<RiskManagerState> _snapshot = new();

    private IComponentContext Context => _context ?? throw new InvalidOperationException("The M-RMS is not initialised.");

    private RiskManager Manager => _manager ?? throw new InvalidOperationException("The M-RMS is not initialised.");

    public ValueTask InitializeAsync(IComponentContext context, CancellationToken cancellation)
    {
        _context = context;
        context.Models.TryGetValue(ModelName, out var model);
        _manager = new RiskManager(context.Settings, model);
        if (model is not { IsLoaded: true })
        {
            var reason = model?.Reason ?? $"model '{ModelName}' is not configured";
            LogFallback(context.Logger, reason);
            context.ReportDegraded($"M-RMS on the fixed fallback (1 contract, 1.5 ATR, 2R): {reason}");
        }

        _snapshot.Attach(_manager.RestoreState);
        return ValueTask.CompletedTask;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Type is not (TradeClosed or PositionUpdate)) return;
        if (envelope.Payload is not (TradeClosedPayload or PositionUpdatePayload))
        {
            LogBadPayload(Context.Logger, envelope.Type, envelope.Seq, envelope.Source, envelope.Payload?.GetType().Name ?? "no payload");
            return;
        }

        if (Manager.OnEvent(envelope.Payload) is { } breach)
        {
            LogDrawdown(Context.Logger, breach.Message);
            if (Context.Spec.Publishes.Contains(RiskBreach)) await Context.Bus.PublishAsync(RiskBreach, breach, envelope.SimTime);
        }
    }

    public ValueTask<ComponentReply> AnswerAsync(ComponentRequest request, CancellationToken cancellation)
    {
        if (request is not RiskProposalRequest ask)
        {
            throw new ComponentCallException($"{Context.Spec.Name} answers {nameof(RiskProposalRequest)}, not {request.GetType().Name}");
        }

        var proposal = Manager.Propose(ask.Qualification);
        if (Manager.LastModelFailure is { } failure) LogModelFailed(Context.Logger, failure);
        return ValueTask.FromResult<ComponentReply>(new RiskProposalReply(proposal));
    }

    public object? SaveState() => _snapshot.Save(_manager is null ? null : _manager.SaveState);

    public void RestoreState(object state) => _snapshot.Restore(state, _manager is null ? null : _manager.RestoreState);

    public string Query(string question) => question switch
    {
        "equity" => Manager.Ledger.Equity.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
        "outcomes" => Manager.Ledger.Outcomes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };

    [LoggerMessage(EventId = 610, Level = LogLevel.Warning, Message = "M-RMS runs on the fixed fallback: {Reason}")]
    private static partial void LogFallback(ILogger logger, string reason);

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning, Message = "M-RMS model failed, fallback used: {Reason}")]
    private static partial void LogModelFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 612, Level = LogLevel.Warning, Message = "Risk breach DRAWDOWN_WARNING: {Message}")]
    private static partial void LogDrawdown(ILogger logger, string message);

    [LoggerMessage(EventId = 613, Level = LogLevel.Error, Message = "{EventType} #{Seq} from {Source} carried {Found}; ignored")]
    private static partial void LogBadPayload(ILogger logger, string eventType, long seq, string source, string found);
}
