using System.Diagnostics;
using AlgoSpace.Grains.Checkpoints;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// Consistent checkpoints (docs/architecture.md, "State and restart"): every component's piece is written at one
/// quiescent moment under one epoch, then the commit record, last. A restore takes only a committed epoch.
/// </summary>
public sealed partial class CheckpointCoordinator(AlgoSpaceSettings settings, IKernelPorts ports, ComponentFleet fleet, RunRecord record, ILogger logger)
{
    private (int Count, double TotalMs, double MaxMs) _cost;

    /// <summary>The run's last committed checkpoint: what a crash now restores (0: the run's beginning).</summary>
    public long CommittedEpoch { get; private set; }

    /// <summary>Simulation time of the last checkpoint (the final checkpoint of an interrupted run is stamped with it).</summary>
    public DateTime LastSimTime { get; private set; }

    /// <summary>Where a start stands: a new run resets the commit record; a resumed one restores its last committed checkpoint.</summary>
    public async Task<RestorePoint> BeginAsync(bool resume)
    {
        if (!resume)
        {
            await ports.Checkpoints.ResetAsync(record.RunId);
            (CommittedEpoch, LastSimTime) = (0, default);
            return RestorePoint.NewRun;
        }

        var commit = await ports.Checkpoints.GetCommittedAsync();
        var restore = new RestorePoint(true, commit.RunId == record.RunId ? commit.Epoch : 0);
        (CommittedEpoch, LastSimTime) = (restore.Epoch, commit.SimTime);
        LogResuming(logger, record.RunId, record.State.Restarts, record.Current, restore.Epoch, commit.SimTime);
        return restore;
    }

    /// <summary>Why no checkpoint can be taken now by the snapshot policy; null when one can.</summary>
    public string? RefusalNow()
    {
        if (fleet.Plan is null) return "the components are not created";
        if (record.Current is not (SystemState.Running or SystemState.Degraded)) return $"the system is {record.Current}";
        // Quiescence is known at a source only when it is the only one: another source could be mid-publish.
        var sources = fleet.Sources.Count();
        return sources == 1 ? null : $"{sources} data sources; checkpoints are taken only at shutdown";
    }

    /// <summary>
    /// Writes every component's piece of the next epoch (in parallel: the pipeline is quiescent), then commits it.
    /// A failed attempt commits nothing, so the previous checkpoint stays the one restored; it is retried
    /// persistence.checkpoint_attempts times in all, with a doubling pause.
    /// </summary>
    public async Task<CheckpointResult> TakeAsync(DateTime simTime, string why)
    {
        var started = Stopwatch.GetTimestamp();
        var epoch = CommittedEpoch + 1;
        var names = fleet.RequirePlan().ActivationOrder.Select(c => c.Name).ToList();
        var attempts = settings.Persistence.CheckpointAttempts;
        var retry = RetryPipelineFactory.ForDurableWrite(attempts, (attempt, ex) =>
            LogCheckpointFailed(logger, epoch, attempt, attempts, ex?.GetBaseException().Message));
        try
        {
            await retry.ExecuteInTurnAsync(async (_, _) =>
            {
                await Task.WhenAll(names.Select(name => ports.Host(name).CheckpointAsync(epoch, CommittedEpoch, simTime)));
                await ports.Checkpoints.CommitAsync(new CheckpointCommit(record.RunId, epoch, simTime, names, DateTime.UtcNow));
            }, 0);
        }
        catch (Exception ex)
        {
            var error = ex.GetBaseException().Message;
            LogCheckpointFailed(logger, epoch, attempts, attempts, error);
            return new CheckpointResult(false, CommittedEpoch, $"{attempts} attempts failed, the last with: {error}", Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                AlgoSpace.Grains.Components.Hosting.SiloLoss.Is(ex));
        }

        (CommittedEpoch, LastSimTime) = (epoch, simTime);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        CheckpointTelemetry.Record(elapsed);
        _cost = (_cost.Count + 1, _cost.TotalMs + elapsed, Math.Max(_cost.MaxMs, elapsed));
        LogCheckpoint(logger, epoch, why, simTime, names.Count, elapsed);
        return new CheckpointResult(true, epoch, null, elapsed);
    }

    /// <summary>Logs what checkpointing cost this run (in this process).</summary>
    public void LogCost()
    {
        var (count, total, max) = _cost;
        LogCheckpointSummary(logger, count, total, count == 0 ? 0 : total / count, max, CommittedEpoch);
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Resuming run {RunId} (restart {Restarts}); it was {State}; restoring checkpoint {Epoch} (sim time {SimTime:O})")]
    private static partial void LogResuming(ILogger logger, string runId, int restarts, SystemState state, long epoch, DateTime simTime);

    [LoggerMessage(EventId = 225, Level = LogLevel.Information, Message = "Checkpoints: {Count} committed by this process in {TotalMs:F0} ms (mean {MeanMs:F1} ms, max {MaxMs:F1} ms); last committed epoch {Epoch}")]
    private static partial void LogCheckpointSummary(ILogger logger, int count, double totalMs, double meanMs, double maxMs, long epoch);

    [LoggerMessage(EventId = 218, Level = LogLevel.Debug, Message = "Checkpoint {Epoch} ({Why}) committed at sim time {SimTime:O}: {Components} components in {ElapsedMs:F1} ms")]
    private static partial void LogCheckpoint(ILogger logger, long epoch, string why, DateTime simTime, int components, double elapsedMs);

    [LoggerMessage(EventId = 219, Level = LogLevel.Error, Message = "Checkpoint {Epoch} failed (attempt {Attempt} of {Attempts}); the last committed checkpoint stays the one restored: {Error}")]
    private static partial void LogCheckpointFailed(ILogger logger, long epoch, int attempt, int attempts, string? error);
}
