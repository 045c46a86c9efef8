using System.Diagnostics;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel.Run;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The kernel's operations for a cluster that loses a silo (docs/architecture.md, "Hand-over and recovery"): the
/// hand-over of a leaving silo, the recovery after a silo left or died, and whether a starting silo joins a live run.
/// </summary>
public sealed partial class KernelOperations
{
    private readonly HashSet<string> _lostSilos = new(StringComparer.Ordinal);

    /// <summary>How many of the run's silos the record keeps: enough for any rolling restart of a cluster.</summary>
    private const int MaxSilosKept = 64;

    private bool JoinsLiveRun(string silo) =>
        record.IsUnfinished && record.Current is not (SystemState.Stopped or SystemState.Faulted)
        && record.State.Silos.Any(s => s != silo && ports.IsActiveSilo(s));

    /// <summary>
    /// A silo left or died, or a component came back without its state, and the recovery has not yet run: the
    /// snapshot policy takes no checkpoint meanwhile (the pipeline is not whole), and a checkpoint that fails for it
    /// is not an emergency.
    /// </summary>
    public bool RecoveryPending { get; private set; }

    /// <summary>Whether the run can be restored in the cluster: it is under way, and nothing is stopping it.</summary>
    private bool CanRecover => !Stopping && record.IsUnfinished
        && record.Current is SystemState.Initializing or SystemState.Starting or SystemState.Running or SystemState.Degraded or SystemState.Recovering;

    /// <summary>
    /// Queues the recovery after silo <paramref name="silo"/> left or died, once per silo (every survivor reports
    /// it). The recovery restores every component from the committed checkpoint on the silos that remain.
    /// </summary>
    public void RequestRecovery(string silo, string cause)
    {
        if (!_lostSilos.Add(silo)) return;
        // A silo that joined and is gone again takes no share.
        _arrivals.Remove(silo);
        if (!CanRecover)
        {
            LogRecoveryNotNeeded(logger, cause, record.Current);
            return;
        }

        QueueRecovery(cause);
    }

    /// <summary>
    /// A host found the pipeline broken by a lost silo before the membership said so (it came back without its state,
    /// or a delivery could not reach the silo): recovers as for a lost silo, unless a recovery is already due.
    /// </summary>
    public void ReportComponentLost(string component, string detail)
    {
        if (RecoveryPending || !CanRecover) return;
        LogComponentLost(logger, component, detail);
        QueueRecovery($"component {component}: {detail}");
    }

    /// <summary>Attempts at a recovery that fails because yet another silo cannot be reached, before the emergency path.</summary>
    private const int RecoveryAttempts = 5;

    private void QueueRecovery(string cause, int attempt = 1, DateTime? reported = null)
    {
        var reportedAt = reported ?? DateTime.UtcNow;
        // A kernel activated anew by the report: the run is under way, and a silo that joins later joins it.
        _startup ??= Task.CompletedTask;
        RecoveryPending = true;
        LogRecoveryQueued(logger, cause);
        _queue.Enqueue("recovery", async cancellation =>
        {
            var started = Stopwatch.GetTimestamp();
            log.Begin("recovery", cause);
            run.RecoveryCause = cause;
            var result = await sequence.RunAsync(RunOperation.Recovery, run, log, cancellation: cancellation);
            // Only now: a delivery still in flight to a host not yet restored must not queue another recovery.
            RecoveryPending = false;
            if (!result.Completed)
            {
                if (cancellation.IsCancellationRequested) return;
                if (attempt < RecoveryAttempts && result.Error is { } error && SiloLoss.Is(error))
                {
                    // A host placed on a silo that is itself going (its death not yet declared): once the membership
                    // has caught up, the next attempt places it on a survivor.
                    LogRecoveryRetry(logger, cause, attempt, result.Reason);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), CancellationToken.None);
                    QueueRecovery(cause, attempt + 1, reportedAt);
                    return;
                }

                ScheduleEmergency($"the recovery after {cause} failed at '{result.StoppedAt}': {result.Reason}");
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogRecovered(logger, cause, record.State.Recoveries, checkpoints.CommittedEpoch, elapsed);
            log.Step("recovered", true, $"from checkpoint {checkpoints.CommittedEpoch} in {elapsed:F0} ms");
            log.End();
            if (record.Mode == TradingMode.Live)
            {
                // A live feed cannot be replayed: what it sent while the pipeline was down is a gap, reported whether or
                // not the data handler can measure it (it cannot without a committed checkpoint's last message id; a
                // live run commits one after its first tick).
                var restarted = DateTime.UtcNow;
                LogLiveGap(logger, reportedAt, restarted, (restarted - reportedAt).TotalSeconds, cause);
            }
        }, ports.Schedule);
    }

    /// <summary>
    /// A silo is leaving while others stay: stop the data, drain and commit a checkpoint, so that the recovery that
    /// follows its departure resumes from exactly here (nothing replayed, nothing lost). Returns when that is done.
    /// A hand-over that fails is no emergency: the recovery then resumes from the checkpoint before it, as after a
    /// crash.
    /// </summary>
    public async Task HandOverAsync(string silo)
    {
        if (!CanRecover || record.Current == SystemState.Recovering) return;
        var cause = $"silo {silo} is leaving the cluster";
        RecoveryPending = true;
        await _queue.Enqueue("hand-over", async cancellation =>
        {
            log.Begin("hand-over", cause);
            run.RecoveryCause = cause;
            var result = await sequence.RunAsync(RunOperation.HandOver, run, log, cancellation: cancellation);
            if (!result.Completed) LogHandOverFailed(logger, silo, result.Reason, checkpoints.CommittedEpoch);
            log.End();
        }, ports.Schedule);
    }

    [LoggerMessage(EventId = 234, Level = LogLevel.Warning, Message = "Live data gap: the feed was not read from {From:O} (the loss reported; earlier if the silo held the data handler) to {To:O} ({Seconds:F1} s) because of the recovery after {Cause}; ticks sent meanwhile are not seen")]
    private static partial void LogLiveGap(ILogger logger, DateTime from, DateTime to, double seconds, string cause);

    [LoggerMessage(EventId = 233, Level = LogLevel.Warning, Message = "The recovery after {Cause} could not reach a component (attempt {Attempt}: {Reason}); it runs again")]
    private static partial void LogRecoveryRetry(ILogger logger, string cause, int attempt, string reason);

    [LoggerMessage(EventId = 232, Level = LogLevel.Information, Message = "Silo {Silo} joins run {RunId}, under way in the cluster ({State}); nothing is started again")]
    private static partial void LogJoined(ILogger logger, string silo, string runId, SystemState state);

    [LoggerMessage(EventId = 227, Level = LogLevel.Warning, Message = "Recovery queued: {Cause}; the data stops and every component is restored from the last committed checkpoint on the silos that remain")]
    private static partial void LogRecoveryQueued(ILogger logger, string cause);

    [LoggerMessage(EventId = 228, Level = LogLevel.Warning, Message = "Recovered after {Cause}: recovery {Recovery} restored checkpoint {Epoch} and restarted the data in {ElapsedMs:F0} ms")]
    private static partial void LogRecovered(ILogger logger, string cause, int recovery, long epoch, double elapsedMs);

    [LoggerMessage(EventId = 229, Level = LogLevel.Information, Message = "No recovery after {Cause}: the system is {State}")]
    private static partial void LogRecoveryNotNeeded(ILogger logger, string cause, SystemState state);

    [LoggerMessage(EventId = 230, Level = LogLevel.Warning, Message = "Component {Component}: {Detail}; a silo is gone")]
    private static partial void LogComponentLost(ILogger logger, string component, string detail);

    [LoggerMessage(EventId = 231, Level = LogLevel.Warning, Message = "The hand-over of silo {Silo} did not complete ({Reason}); the run recovers from checkpoint {Epoch} once the silo has left")]
    private static partial void LogHandOverFailed(ILogger logger, string silo, string? reason, long epoch);
}
