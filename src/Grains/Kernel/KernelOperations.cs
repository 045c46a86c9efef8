using System.Diagnostics;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel.Run;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The kernel's operations: startup, graceful shutdown, emergency shutdown, mode switch, checkpoint, and the end of
/// a switched backtest. Each is a <see cref="RunSequence"/> operation over <see cref="KernelRun"/>, queued on one
/// <see cref="OperationQueue"/> so that no two interleave; the emergency path overrides the queue. Plain code: the
/// grain gives it <see cref="IKernelPorts"/>.
/// </summary>
public sealed partial class KernelOperations(
    AlgoSpaceSettings settings,
    RunSequence sequence,
    KernelRun run,
    ComponentFleet fleet,
    CheckpointCoordinator checkpoints,
    RunRecord record,
    OperationLog log,
    IKernelPorts ports,
    ILogger logger)
{
    private readonly OperationQueue _queue = new();
    private Task? _startup;
    private Task? _shutdown;
    private Task? _emergency;

    /// <summary>Whether a shutdown or the emergency path has begun (a switch is then refused).</summary>
    public bool Stopping => _shutdown is not null || _queue.IsClosed;

    public bool EmergencyStarted => _queue.IsClosed;

    public bool SwitchUnderway => _queue.Current == Switch;

    private const string Switch = "mode switch";

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

    private void QueueRecovery(string cause, int attempt = 1)
    {
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
                if (attempt < RecoveryAttempts && result.Error is { } error && AlgoSpace.Grains.Components.Hosting.SiloLoss.Is(error))
                {
                    // A host placed on a silo that is itself going (its death not yet declared): once the membership
                    // has caught up, the next attempt places it on a survivor.
                    LogRecoveryRetry(logger, cause, attempt, result.Reason);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), CancellationToken.None);
                    QueueRecovery(cause, attempt + 1);
                    return;
                }

                ScheduleEmergency($"the recovery after {cause} failed at '{result.StoppedAt}': {result.Reason}");
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogRecovered(logger, cause, record.State.Recoveries, checkpoints.CommittedEpoch, elapsed);
            log.Step("recovered", true, $"from checkpoint {checkpoints.CommittedEpoch} in {elapsed:F0} ms");
            log.End();
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

    /// <summary>
    /// The startup sequence, once: later calls (other silos) wait for the first and share its outcome. A kernel
    /// activated anew inside a live cluster (it moved with a silo that left or died) finds the run under way with one
    /// of its silos still active: <paramref name="silo"/> joins it, and the recovery the survivors report restores it.
    /// </summary>
    public async Task<KernelStatus> StartupAsync(string silo)
    {
        if (_startup is null && JoinsLiveRun(silo))
        {
            LogJoined(logger, silo, record.RunId ?? "", record.Current);
            _startup = Task.CompletedTask;
        }


        _startup ??= _queue.Enqueue("startup", async cancellation =>
        {
            var result = await sequence.RunAsync(RunOperation.Startup, run, cancellation: cancellation);
            // Saved state that cannot be read is refused by the silo with the reason; a Faulted system says its own.
            if (result.Error is not null && record.Current != SystemState.Faulted) throw result.Error;
        });
        await _startup;
        // After the startup, which begins the run's record afresh: the silos of the run are the run's.
        if (!record.State.Silos.Contains(silo))
        {
            record.State.Silos.Add(silo);
            if (record.State.Silos.Count > MaxSilosKept) record.State.Silos.RemoveAt(0);
            await record.SaveAsync();
        }

        return record.Status();
    }

    /// <summary>Queues the graceful shutdown, once; it runs after the operation under way (startup, a switch).</summary>
    public Task RequestShutdown(StopReason reason, string detail)
    {
        if (_shutdown is null && !_queue.IsClosed) _shutdown = _queue.Enqueue("shutdown", c => ShutdownAsync(reason, detail, c), ports.Schedule);
        return Task.CompletedTask;
    }

    private async Task ShutdownAsync(StopReason reason, string detail, CancellationToken cancellation)
    {
        var budget = TimeSpan.FromSeconds(settings.System.ShutdownTimeout);
        var started = Stopwatch.GetTimestamp();
        LogShutdownStarted(logger, detail, budget.TotalSeconds);
        log.Begin("shutdown", detail);
        var result = await sequence.RunAsync(RunOperation.Shutdown, run, log, budget, cancellation);
        if (!result.Completed)
        {
            if (!cancellation.IsCancellationRequested)
            {
                await EmergencyAsync($"graceful shutdown failed at '{result.StoppedAt}': {result.Reason}");
            }

            return;
        }

        var exitCode = record.State.ExitCode ?? ExitCodes.Success;
        log.Step("stopped", true, $"exit code {exitCode}, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        log.End();
        ports.NotifyStopped(exitCode, reason, detail);
    }

    /// <summary>The emergency path, once: it closes the queue (what waits is dropped, what runs stops at its next step) and runs at once.</summary>
    public Task EmergencyAsync(string reason)
    {
        if (_emergency is not null) return _emergency;
        // Closing cancels the operation under way at its next step; what waits in the queue is dropped.
        _queue.Close();
        return _emergency = RunEmergencyAsync(reason);
    }

    /// <summary>The emergency path from a component's report or a failed operation: a flow of its own, never the caller's.</summary>
    public void ScheduleEmergency(string reason)
    {
        if (_queue.IsClosed) return;
        // Closed now, not when the path runs: a shutdown asked for meanwhile must not start its steps.
        _queue.Close();
        _ = ports.Schedule(() => EmergencyAsync(reason));
    }

    private async Task RunEmergencyAsync(string reason)
    {
        LogEmergency(logger, reason);
        log.Begin("emergency shutdown", reason);
        var started = Stopwatch.GetTimestamp();
        record.State.ExitCode = ExitCodes.EmergencyShutdown;
        if (record.Current != SystemState.Faulted) await record.TransitionAsync(SystemState.Faulted, $"emergency shutdown: {reason}");
        run.EmergencyReason = reason;
        await sequence.RunAsync(RunOperation.Emergency, run, log);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogEmergencyDone(logger, elapsed);
        log.Step("stopped", true, $"exit code {ExitCodes.EmergencyShutdown}, {elapsed:F0} ms");
        log.End();
        ports.NotifyStopped(ExitCodes.EmergencyShutdown, StopReason.Emergency, reason);
    }

    /// <summary>Queues the operator's mode switch (already checked by <see cref="ModeSwitchRules"/>).</summary>
    public void RequestSwitch(TradingMode target, string client) =>
        _queue.Enqueue(Switch, c => SwitchAsync(target, client, c), ports.Schedule);

    private async Task SwitchAsync(TradingMode target, string client, CancellationToken cancellation)
    {
        var from = RunRecord.ModeName(record.Mode);
        var to = RunRecord.ModeName(target);
        var started = Stopwatch.GetTimestamp();
        log.Begin(Switch, $"{from} to {to} by {client}");
        await record.TransitionAsync(SystemState.Switching, $"operator {client}: switch from {from} to {to} mode");
        run.SwitchTarget = target;
        var result = await sequence.RunAsync(RunOperation.ModeSwitch, run, log, cancellation: cancellation);
        if (result.EndedEarly)
        {
            await fleet.RestartDataAsync();
            await record.TransitionAsync(SystemState.Running, $"switch to {to} abandoned: positions open");
            log.End();
            return;
        }

        if (!result.Completed)
        {
            if (cancellation.IsCancellationRequested) return;
            LogSwitchFailed(logger, to, result.Error);
            ScheduleEmergency(record.Current == SystemState.Faulted && result.StoppedAt == RunStep.Create
                ? $"a critical component failed to start after the switch to {to} mode"
                : $"the switch to {to} mode failed: {result.Reason}");
            return;
        }

        log.Step("switch complete", true, $"{from} to {to} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        log.End();
    }

    /// <summary>A backtest the operator switched to reached its end: report it and keep the system up for the operator.</summary>
    public void RequestSwitchedBacktestEnd()
    {
        if (Stopping) return;
        _queue.Enqueue("backtest end", async cancellation =>
        {
            var result = await sequence.RunAsync(RunOperation.SwitchedBacktestEnd, run, cancellation: cancellation);
            await record.TransitionAsync(record.Current,
                $"backtest complete ({result.Last?.Detail}); report written under {settings.System.OutputDir}; waiting for the operator (mode live, or shutdown)");
        }, ports.Schedule);
    }

    /// <summary>A state change reported by a component (a lost or restored connection), applied between operations.</summary>
    public void RequestTransition(SystemState to, string cause, Func<bool> stillWanted) =>
        _queue.Enqueue("transition", async _ =>
        {
            if (stillWanted()) await record.TransitionAsync(to, cause);
        }, ports.Schedule);

    /// <summary>
    /// The snapshot policy's checkpoint, taken in the caller's turn when nothing else runs (the source that asks is
    /// quiescent and waits for it). Skipped while an operation is under way; a failure past its attempts stops the
    /// run on the emergency path so that it resumes from the previous checkpoint.
    /// </summary>
    public async Task<CheckpointResult> CheckpointAsync(DateTime simTime)
    {
        if (checkpoints.RefusalNow() is { } reason) return new CheckpointResult(false, checkpoints.CommittedEpoch, reason, 0);
        var taking = _queue.TryRunNow("checkpoint", _ => checkpoints.TakeAsync(simTime, "policy"));
        if (taking is null) return new CheckpointResult(false, checkpoints.CommittedEpoch, "an operation is under way", 0);
        var result = await taking;
        if (!result.Committed && RecoveryPending)
        {
            // A host without its state refused its piece: the recovery queued meanwhile restores the last committed checkpoint.
            return result;
        }

        if (!result.Committed)
        {
            ScheduleEmergency($"checkpoint {checkpoints.CommittedEpoch + 1} could not be written ({result.Skipped}); the run stops so that it can resume from checkpoint {checkpoints.CommittedEpoch}");
        }

        return result;
    }

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Graceful shutdown: {Reason} (timeout {TimeoutSeconds} s)")]
    private static partial void LogShutdownStarted(ILogger logger, string reason, double timeoutSeconds);

    [LoggerMessage(EventId = 208, Level = LogLevel.Critical, Message = "Emergency shutdown: {Reason}")]
    private static partial void LogEmergency(ILogger logger, string reason);

    [LoggerMessage(EventId = 209, Level = LogLevel.Critical, Message = "Emergency shutdown finished in {ElapsedMs:F0} ms")]
    private static partial void LogEmergencyDone(ILogger logger, double elapsedMs);

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

    [LoggerMessage(EventId = 223, Level = LogLevel.Critical, Message = "The switch to {Mode} mode failed")]
    private static partial void LogSwitchFailed(ILogger logger, string mode, Exception? exception);
}
