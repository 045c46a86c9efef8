using System.Diagnostics;
using AlgoSpace.Events;
using static AlgoSpace.Events.EventTypes;

namespace AlgoSpace.Components.Synergy;

/// <summary>
/// The synergy_detector component (component-contracts 2.5, gate 1): a thin adapter from INDICATORS_READY to
/// <see cref="SynergyPatternTracker"/> and from its completed patterns to SYNERGY_DETECTED, published with the
/// INDICATORS_READY's timestamp as simulation time.
/// </summary>
[ComponentKind("synergy_detector",
    Consumes = [IndicatorsReady],
    Produces = [SynergyDetected, SystemError],
    Description = "Detects the four ordered three-signal patterns (gate 1).")]
public sealed partial class SynergyDetector : IComponent
{
    private IComponentContext? _context;
    private SynergyPatternTracker? _tracker;
    private readonly SnapshotSlot<SynergyDetectorState> _snapshot = new();

    private IComponentContext Context => _context ?? throw new InvalidOperationException("The synergy detector is not initialised.");

    /// <summary>The logic; exposed for tests and status queries.</summary>
    public SynergyPatternTracker Tracker => _tracker ?? throw new InvalidOperationException("The synergy detector is not initialised.");

    public ValueTask InitializeAsync(IComponentContext context, CancellationToken cancellation)
    {
        _context = context;
        _tracker = new SynergyPatternTracker(context.Settings.SynergyDetector);
        // The host restores state before it initialises, so the snapshot waits for the tracker.
        _snapshot.Attach(_tracker.RestoreState);
        return ValueTask.CompletedTask;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Type != IndicatorsReady) return;
        if (envelope.Payload is not IndicatorsReadyPayload payload)
        {
            await ReportBadPayloadAsync(envelope);
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

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => _snapshot.Save(_tracker is null ? null : _tracker.SaveState);

    public void RestoreState(object state) => _snapshot.Restore(state, _tracker is null ? null : _tracker.RestoreState);

    public string Query(string question) => question switch
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

    /// <summary>An INDICATORS_READY without its payload is a producer bug: reported, not fatal.</summary>
    private async Task ReportBadPayloadAsync(EventEnvelope envelope)
    {
        var found = envelope.Payload?.GetType().Name ?? "no payload";
        LogBadPayload(Context.Logger, envelope.Source, envelope.Seq, found);
        if (Context.Spec.Publishes.Contains(SystemError))
        {
            await Context.Bus.PublishAsync(SystemError,
                new SystemErrorPayload(Context.Spec.Name, "BadPayload", $"INDICATORS_READY #{envelope.Seq} from {envelope.Source} carried {found}, not the feature store.", false),
                envelope.SimTime);
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

    [LoggerMessage(EventId = 475, Level = LogLevel.Error, Message = "INDICATORS_READY #{Seq} from {Source} carried {Found}, not the feature store; ignored")]
    private static partial void LogBadPayload(ILogger logger, string source, long seq, string found);
}
