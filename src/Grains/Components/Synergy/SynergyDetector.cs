using System.Diagnostics;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>
/// The synergy_detector component (component-contracts 2.5, gate 1): a thin adapter from INDICATORS_READY to
/// <see cref="SynergyPatternTracker"/> and from its completed patterns to SYNERGY_DETECTED, published with the
/// INDICATORS_READY's timestamp as simulation time.
/// </summary>
[ComponentKind("synergy_detector",
    Consumes = [IndicatorsReady],
    Produces = [SynergyDetected, SystemError],
    Description = "Detects the four ordered three-signal patterns (gate 1).")]
public sealed partial class SynergyDetector(IComponentContext context) : ComponentAdapter<SynergyDetectorState>(context)
{
    /// <summary>The logic; exposed for tests and status queries.</summary>
    public SynergyPatternTracker Tracker { get; } = new(context.Settings.SynergyDetector);

    protected override int BadInputEventId => 475;

    protected override async ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Payload is not IndicatorsReadyPayload payload)
        {
            await ReportBadInputAsync(envelope, $"INDICATORS_READY #{envelope.Seq} from {envelope.Source} carried {Carried(envelope)}, not the feature store.");
            return;
        }

        // Elapsed time only feeds a diagnostic warning, never the logic. It covers the detection, not the publish:
        // a lockstep publish returns when the whole decision chain has handled the synergy.
        var started = Stopwatch.GetTimestamp();
        var evaluation = Tracker.Process(payload);
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (elapsedMs > Context.Settings.SynergyDetector.ProcessingTimeWarningMs)
        {
            LogSlow(Context.Logger, payload.Seq, elapsedMs, Context.Settings.SynergyDetector.ProcessingTimeWarningMs);
        }

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
            LogSkipped(Context.Logger, payload.Seq, reason);
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

    [LoggerMessage(EventId = 474, Level = LogLevel.Warning, Message = "Synergy detector took {ElapsedMs:F2} ms on INDICATORS_READY #{Seq} (warning above {LimitMs} ms)")]
    private static partial void LogSlow(ILogger logger, long seq, double elapsedMs, double limitMs);
}
