using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Decision.Risk;

/// <summary>
/// The m_rms component (component-contracts 2.8): answers GenerateRiskProposal calls with <see cref="RiskManager"/>
/// and keeps its account mirror from TRADE_CLOSED and POSITION_UPDATE. Without a loaded <c>mrms</c> model it
/// runs degraded on the fixed fallback; the hard limits apply either way.
/// </summary>
[ComponentKind("m_rms",
    Consumes = [TradeClosed, PositionUpdate],
    Produces = [RiskBreach, SystemError],
    Models = ["mrms"],
    Description = "Sizes and brackets qualified trades: answers GenerateRiskProposal calls.",
    HandlerBudgetMs = 10)]
public sealed partial class MRms : ComponentAdapter<RiskManagerState>, ICallableComponent
{
    public const string ModelName = "mrms";

    public MRms(IComponentContext context) : base(context)
    {
        context.Models.TryGetValue(ModelName, out var model);
        Manager = new RiskManager(context.Settings, model, context.Spec.Instrument);
        if (model is not { IsLoaded: true })
        {
            var reason = model?.Reason ?? $"model '{ModelName}' is not configured";
            LogFallback(context.Logger, reason);
            context.ReportDegraded($"M-RMS on the fixed fallback (1 contract, 1.5 ATR, 2R): {reason}");
        }
    }

    private RiskManager Manager { get; }

    protected override int BadInputEventId => 613;

    private RepeatedWarning? _modelFailures;

    private RepeatedWarning ModelFailures => _modelFailures ??= RepeatedWarning(611, "M-RMS model failures, fallback used");

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Payload is not (TradeClosedPayload or PositionUpdatePayload))
        {
            await ReportBadInputAsync(envelope, $"{envelope.Type} #{envelope.Seq} from {envelope.Source} carried {Carried(envelope)}.");
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
        if (Manager.LastModelFailure is { } failure && ModelFailures.Occur(failure)) LogModelFailed(Context.Logger, failure);
        return ValueTask.FromResult<ComponentReply>(new RiskProposalReply(proposal));
    }

    protected override RiskManagerState Save() => Manager.SaveState();

    protected override void Restore(RiskManagerState state) => Manager.RestoreState(state);

    public override string Query(string question) => question switch
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
}
