using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>
/// The synergy_detector component (component-contracts 2.5, gate 1): a thin adapter from INDICATORS_READY to
/// <see cref="SynergyPatternTracker"/> and from its completed patterns to SYNERGY_DETECTED, published with the
/// INDICATORS_READY's timestamp as simulation time. Its handler budget (contract: under 1 ms per event) is its
/// setting processing_time_warning_ms, which the component shell holds it to.
/// </summary>
[ComponentKind("synergy_detector",
    Consumes = [IndicatorsReady],
    Produces = [SynergyDetected, SystemError],
    Description = "Detects the four ordered three-signal patterns (gate 1).",
    HandlerBudgetMs = 1)]
public sealed partial class SynergyDetector(IComponentContext context) : ComponentAdapter<SynergyDetectorState>(context), IHandlerBudgetSetting
{
    private RepeatedWarning? _skipped;

    /// <summary>The logic; exposed for tests and status queries.</summary>
    public SynergyPatternTracker Tracker { get; } = new(context.Settings.SynergyDetector);

    protected override int BadInputEventId => 475;

    public double HandlerBudgetMs => Context.Settings.SynergyDetector.ProcessingTimeWarningMs;

    private RepeatedWarning Skipped => _skipped ??= RepeatedWarning(470, "Synergy detector skipped INDICATORS_READY");

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Payload is not IndicatorsReadyPayload payload)
        {
            await ReportBadInputAsync(envelope, $"INDICATORS_READY #{envelope.Seq} from {envelope.Source} carried {Carried(envelope)}, not the feature store.");
            return;
        }

        var evaluation = Tracker.Process(payload);
        Log(payload, evaluation);
        if (evaluation.Detected is { } synergy)
        {
            await Context.Bus.PublishAsync(SynergyDetected, synergy, payload.Timestamp);
        }
    }

    protected override SynergyDetectorState Save() => Tracker.SaveState();

    protected override void Restore(SynergyDetectorState state) => Tracker.RestoreState(state);

    public override string Query(string question) => question switch
    {
        "phase" => Tracker.Phase.ToString(),
        "sequence" => string.Join(",", Tracker.Sequence.Select(s => s.Type)),
        _ => "",
    };

    private void Log(IndicatorsReadyPayload payload, SynergyEvaluation evaluation)
    {
        if (evaluation.Skipped is { } reason)
        {
            if (Skipped.Occur($"#{payload.Seq}: {reason}")) LogSkipped(Context.Logger, payload.Seq, reason);
            return;
        }

        foreach (var note in evaluation.Notes)
        {
            if (note.Kind == SequenceNoteKind.CooldownDiscarded) LogCooldownDiscard(Context.Logger, payload.Seq, note.Detail);
            else LogNote(Context.Logger, payload.Seq, note.Kind, note.Detail);
        }

        if (evaluation.Detected is { } s)
        {
            LogDetected(Context.Logger, s.SynergyType, s.Direction, s.FeaturesSeq, s.Metadata.BarsToComplete, s.Metadata.PatternQuality);
        }
    }

    [LoggerMessage(EventId = 470, Level = LogLevel.Warning, Message = "Synergy detector skipped INDICATORS_READY #{Seq}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, long seq, string reason);

    [LoggerMessage(EventId = 471, Level = LogLevel.Debug, Message = "Synergy #{Seq}: {Kind} {Detail}")]
    private static partial void LogNote(ILogger logger, long seq, SequenceNoteKind kind, string detail);

    [LoggerMessage(EventId = 472, Level = LogLevel.Information, Message = "Synergy #{Seq}: discarded in cooldown: {Detail}")]
    private static partial void LogCooldownDiscard(ILogger logger, long seq, string detail);

    [LoggerMessage(EventId = 473, Level = LogLevel.Information, Message = "Synergy {Type} direction {Direction} at #{Seq}: {Bars} bars, quality {Quality:F3}")]
    private static partial void LogDetected(ILogger logger, string type, int direction, long seq, long bars, double quality);
}
