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
    /// quiescent and waits for it), or the rebalance a joined silo made due, queued in its place. Skipped while an
    /// operation is under way; a failure past its attempts stops the run on the emergency path so that it resumes from
    /// the previous checkpoint.
    /// </summary>
    public async Task<CheckpointResult> CheckpointAsync(DateTime simTime)
    {
        if (checkpoints.RefusalNow() is { } reason) return new CheckpointResult(false, checkpoints.CommittedEpoch, reason, 0);
        // A silo joined: the rebalance commits this checkpoint itself, once the source has returned from this call.
        if (await QueueRebalanceAtAsync(simTime)) return new CheckpointResult(false, checkpoints.CommittedEpoch, "a rebalance takes this checkpoint's place", 0);
        var taking = _queue.TryRunNow("checkpoint", _ => checkpoints.TakeAsync(simTime, "policy"));
        if (taking is null) return new CheckpointResult(false, checkpoints.CommittedEpoch, "an operation is under way", 0);
        var result = await taking;
        if (!result.Committed && result.SiloLost) ReportComponentLost("kernel", $"checkpoint {checkpoints.CommittedEpoch + 1} could not reach a component's silo");
        if (!result.Committed && RecoveryPending)
        {
            // A host without its state refused its piece, or a host's silo is gone: the recovery queued meanwhile
            // restores the last committed checkpoint.
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

    [LoggerMessage(EventId = 223, Level = LogLevel.Critical, Message = "The switch to {Mode} mode failed")]
    private static partial void LogSwitchFailed(ILogger logger, string mode, Exception? exception);
}
