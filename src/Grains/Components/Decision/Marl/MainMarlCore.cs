using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// The main_marl_core component (component-contracts 2.7, gate 2): a thin adapter from SYNERGY_DETECTED,
/// TRADE_CLOSED and POSITION_UPDATE to <see cref="DecisionEngine"/>. Any exception while deciding rejects the
/// synergy (TRADE_REJECTED stage error) and publishes a non-critical SYSTEM_ERROR; the run goes on. Without all six
/// models it runs degraded: every synergy is rejected while the pipeline keeps running.
/// </summary>
[ComponentKind("main_marl_core",
    Consumes = [SynergyDetected, TradeClosed, PositionUpdate],
    Produces = [ExecuteTrade, TradeRejected, PerformanceUpdate, SystemError],
    Models = ["structure_embedder", "tactical_embedder", "regime_embedder", "lvn_embedder", "shared_policy", "decision_gate"],
    Description = "Qualifies synergies with the shared policy and decision gate (gate 2).",
    HandlerBudgetMs = 100)]
public sealed partial class MainMarlCore : ComponentAdapter<MarlState>
{
    public MainMarlCore(IComponentContext context) : base(context)
    {
        var (models, missing) = DecisionModels.From(context.Models);
        Engine = new DecisionEngine(context.Settings, models, missing, context.Calls, context.Spec.Instrument);
        if (missing is not null)
        {
            LogDegraded(context.Logger, missing);
            context.ReportDegraded($"every synergy is rejected: {missing}");
        }
    }

    private DecisionEngine Engine { get; }

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        switch (envelope)
        {
            case { Type: SynergyDetected, Payload: SynergyDetectedPayload synergy }:
                await DecideAsync(synergy, envelope, cancellation);
                break;
            case { Type: TradeClosed, Payload: TradeClosedPayload closed }:
                if (Engine.OnTradeClosed(closed) is { } performance) await PublishAsync(new PublishedEvent(PerformanceUpdate, performance, envelope.SimTime));
                break;
            case { Type: PositionUpdate, Payload: PositionUpdatePayload update }:
                Engine.OnPositionUpdate(update);
                break;
            default:
                await ReportBadInputAsync(envelope, $"{envelope.Type} #{envelope.Seq} from {envelope.Source} carried {Carried(envelope)}");
                break;
        }
    }

    protected override MarlState Save() => Engine.SaveState();

    protected override void Restore(MarlState state) => Engine.RestoreState(state);

    public override string Query(string question) => question switch
    {
        "executions" => Engine.Executions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "rejections" => Engine.Rejections.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "degraded" => Engine.Degraded ? "true" : "false",
        _ => "",
    };

    private async Task DecideAsync(SynergyDetectedPayload synergy, EventEnvelope envelope, CancellationToken cancellation)
    {
        PublishedEvent decision;
        try
        {
            decision = await Engine.DecideAsync(synergy, cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDecisionFailed(Context.Logger, DecisionEngine.SynergyRef(synergy), ex);
            await PublishAsync(Engine.ErrorRejection(synergy, ex));
            await PublishErrorAsync(ex.GetType().Name, $"deciding synergy {DecisionEngine.SynergyRef(synergy)} (seq {envelope.Seq}) failed: {ex.Message}", envelope.SimTime);
            return;
        }

        switch (decision.Payload)
        {
            case ExecuteTradePayload trade:
                LogExecute(Context.Logger, trade.ExecutionId, trade.TradeSpecification.Direction, trade.RiskParameters.PositionSize,
                    trade.RiskParameters.StopLoss, trade.RiskParameters.TakeProfit, trade.DecisionMetadata?.QualificationConfidence ?? 0);
                break;
            case TradeRejectedPayload rejected:
                LogRejected(Context.Logger, rejected.SynergyRef, rejected.Stage, string.Join("; ", rejected.Reasons));
                break;
        }

        await PublishAsync(decision);
    }

    private async Task PublishAsync(PublishedEvent e) => await Context.Bus.PublishAsync(e.Type, e.Payload, e.SimTime);

    [LoggerMessage(EventId = 620, Level = LogLevel.Warning, Message = "Main MARL Core degraded, every synergy is rejected: {Reason}")]
    private static partial void LogDegraded(ILogger logger, string reason);

    [LoggerMessage(EventId = 621, Level = LogLevel.Information, Message = "Execute {ExecutionId}: direction {Direction:+#;-#}, {Size} contracts, stop {StopLoss}, target {TakeProfit}, p(QUALIFY) {Confidence:F3}")]
    private static partial void LogExecute(ILogger logger, string executionId, int direction, int size, double stopLoss, double takeProfit, double confidence);

    [LoggerMessage(EventId = 622, Level = LogLevel.Information, Message = "Synergy {SynergyRef} rejected at {Stage}: {Reasons}")]
    private static partial void LogRejected(ILogger logger, string synergyRef, string stage, string reasons);

    [LoggerMessage(EventId = 623, Level = LogLevel.Error, Message = "Deciding synergy {SynergyRef} failed; rejected")]
    private static partial void LogDecisionFailed(ILogger logger, string synergyRef, Exception exception);
}
