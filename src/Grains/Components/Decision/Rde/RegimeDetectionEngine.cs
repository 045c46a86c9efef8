using System.Diagnostics;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Decision.Rde;

/// <summary>
/// The rde component (component-contracts 2.6): answers GetRegimeVector calls by asking the regime matrix assembler
/// (the component of kind matrix_assembler_regime) for its window and running <see cref="RegimeDetector"/>. It
/// emits no events besides its alerts. Without the model every answer is invalid, and one non-critical
/// SYSTEM_ERROR says so (at the first call: a call is the first moment the run is wired and under way).
/// </summary>
[ComponentKind("rde",
    Consumes = [],
    Produces = [RiskBreach, SystemError],
    Models = ["rde"],
    Description = "Regime detection engine: answers GetRegimeVector calls.",
    HandlerBudgetMs = 5)]
public sealed partial class RegimeDetectionEngine : ComponentAdapter<RegimeDetectorState>, ICallableComponent
{
    public const string ModelName = "rde";
    public const string RegimeAssemblerKind = "matrix_assembler_regime";

    private bool _missingModelReported;

    public RegimeDetectionEngine(IComponentContext context) : base(context)
    {
        context.Models.TryGetValue(ModelName, out var model);
        Detector = new RegimeDetector(context.Settings.Rde, model);
        if (!Detector.HasModel)
        {
            LogNoModel(context.Logger, model?.Reason ?? $"model '{ModelName}' is not configured");
            context.ReportDegraded("the rde model is not loaded: every regime vector is invalid");
        }
    }

    private RegimeDetector Detector { get; }

    public async ValueTask<ComponentReply> AnswerAsync(ComponentRequest request, CancellationToken cancellation)
    {
        if (request is not RegimeVectorRequest ask)
        {
            throw new ComponentCallException($"{Context.Spec.Name} answers {nameof(RegimeVectorRequest)}, not {request.GetType().Name}");
        }

        var started = Stopwatch.GetTimestamp();
        MatrixReply? matrix = null;
        string? problem = null;
        if (Detector.HasModel)
        {
            try
            {
                var assembler = ComponentDirectory.NameOfKind(Context.Settings, RegimeAssemblerKind);
                matrix = await Context.Calls.CallAsync<MatrixReply>(assembler, new MatrixRequest(ask.AsOfSeq));
            }
            catch (ComponentCallException ex)
            {
                problem = ex.Message;
            }
        }
        else
        {
            await ReportMissingModelOnceAsync();
        }

        var assessment = Detector.Assess(ask.AsOfSeq, matrix, problem, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var alert in assessment.Alerts) LogAlert(Context.Logger, alert);
        if (assessment.Breach is { } breach)
        {
            LogTransition(Context.Logger, breach.Message);
            if (Context.Spec.Publishes.Contains(RiskBreach)) await Context.Bus.PublishAsync(RiskBreach, breach, default);
        }

        return assessment.Reply;
    }

    // component-contracts 2.6 keeps no learned state; the previous vector is saved all the same, because the next
    // shift (and its regime-transition alert) is measured from it: without it a restored run would alert differently.
    protected override RegimeDetectorState Save() => Detector.Snapshot();

    protected override void Restore(RegimeDetectorState state) => Detector.Restore(state);

    private async Task ReportMissingModelOnceAsync()
    {
        if (_missingModelReported) return;
        _missingModelReported = true;
        await PublishErrorAsync("ModelMissing", "the rde model is not loaded: every regime vector is invalid and every synergy will be rejected", default);
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Warning, Message = "RDE runs without its model: {Reason}")]
    private static partial void LogNoModel(ILogger logger, string reason);

    // Alerts and regime transitions are advisories: they neither stop nor change trading (nothing acts on a
    // REGIME_TRANSITION_WARNING; the MARL core reads the regime vector itself), and a normal run has them, so they
    // are Information. Breaches that stop trading (M-RMS's DRAWDOWN_WARNING, a failed pre-trade check) stay Warning.
    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "RDE alert: {Alert}")]
    private static partial void LogAlert(ILogger logger, string alert);

    [LoggerMessage(EventId = 602, Level = LogLevel.Information, Message = "Risk breach REGIME_TRANSITION_WARNING: {Message}")]
    private static partial void LogTransition(ILogger logger, string message);
}
