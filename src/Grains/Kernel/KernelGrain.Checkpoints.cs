using System.Diagnostics;
using AlgoSpace.Checkpoints;
using AlgoSpace.Components;

namespace AlgoSpace.Kernel;

/// <summary>
/// Consistent checkpoints (docs/architecture.md, "Checkpoints and the journal"): every component's piece is written
/// at one quiescent moment under one epoch, then the commit record, last. A restore takes only a committed epoch.
/// </summary>
public sealed partial class KernelGrain
{
    /// <summary>Checkpoints committed by this activation and their cost, for the end-of-run log line.</summary>
    private (int Count, double TotalMs, double MaxMs) _checkpointCost;

    public async Task<CheckpointResult> CheckpointAsync(DateTime simTime)
    {
        using var reentrancy = AllowReentrancyFromComponents();
        if (Skip() is { } reason) return new CheckpointResult(false, _committedEpoch, reason, 0);
        var result = await TakeCheckpointAsync(simTime, "policy");
        if (!result.Committed && _emergency is null)
        {
            ScheduleShutdown(() => EmergencyShutdownAsync(
                $"checkpoint {_committedEpoch + 1} could not be written ({result.Skipped}); the run stops so that it can resume from checkpoint {_committedEpoch}"));
        }

        return result;

        string? Skip()
        {
            if (_plan is null) return "the components are not created";
            if (state.State.State is not (SystemState.Running or SystemState.Degraded)) return $"the system is {state.State.State}";
            if (_shutdown is not null || _emergency is not null || _switching is { IsCompleted: false }) return "an operation is under way";
            // Quiescence is known at a source only when it is the only one: another source could be mid-publish.
            var sources = OfRole(_plan.StartOrder, ComponentRole.DataHandler).Count();
            return sources == 1 ? null : $"{sources} data sources; checkpoints are taken only at shutdown";
        }
    }

    /// <summary>
    /// Writes every component's piece of the next epoch (in parallel: the pipeline is quiescent), then commits it.
    /// A failed attempt commits nothing, so the previous checkpoint stays the one restored; it is retried
    /// persistence.checkpoint_attempts times in all, with a doubling pause.
    /// </summary>
    private async Task<CheckpointResult> TakeCheckpointAsync(DateTime simTime, string why)
    {
        await _checkpointing.WaitAsync();
        try
        {
            var started = Stopwatch.GetTimestamp();
            var epoch = _committedEpoch + 1;
            var names = _plan!.ActivationOrder.Select(c => c.Name).ToList();
            var attempts = settings.Persistence.CheckpointAttempts;
            var retry = RetryPipelineFactory.ForDurableWrite(attempts, (attempt, ex) =>
                LogCheckpointFailed(logger, epoch, attempt, attempts, ex?.GetBaseException().Message));
            try
            {
                await retry.ExecuteInTurnAsync(async (_, _) =>
                {
                    await Task.WhenAll(names.Select(name => Host(name).CheckpointAsync(epoch, _committedEpoch, simTime)));
                    await Checkpoints.CommitAsync(new CheckpointCommit(state.State.RunId ?? "", epoch, simTime, names, DateTime.UtcNow));
                }, 0);
            }
            catch (Exception ex)
            {
                var error = ex.GetBaseException().Message;
                LogCheckpointFailed(logger, epoch, attempts, attempts, error);
                return new CheckpointResult(false, _committedEpoch, $"{attempts} attempts failed, the last with: {error}", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            (_committedEpoch, _lastSimTime) = (epoch, simTime);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            CheckpointTelemetry.Record(elapsed);
            _checkpointCost = (_checkpointCost.Count + 1, _checkpointCost.TotalMs + elapsed, Math.Max(_checkpointCost.MaxMs, elapsed));
            LogCheckpoint(logger, epoch, why, simTime, names.Count, elapsed);
            return new CheckpointResult(true, epoch, null, elapsed);
        }
        finally
        {
            _checkpointing.Release();
        }
    }

    /// <summary>Logs what checkpointing cost this run (in this process).</summary>
    private void LogCheckpointCost()
    {
        var (count, total, max) = _checkpointCost;
        LogCheckpointSummary(logger, count, total, count == 0 ? 0 : total / count, max, _committedEpoch);
    }

    [LoggerMessage(EventId = 225, Level = LogLevel.Information, Message = "Checkpoints: {Count} committed by this process in {TotalMs:F0} ms (mean {MeanMs:F1} ms, max {MaxMs:F1} ms); last committed epoch {Epoch}")]
    private static partial void LogCheckpointSummary(ILogger logger, int count, double totalMs, double meanMs, double maxMs, long epoch);

    [LoggerMessage(EventId = 218, Level = LogLevel.Debug, Message = "Checkpoint {Epoch} ({Why}) committed at sim time {SimTime:O}: {Components} components in {ElapsedMs:F1} ms")]
    private static partial void LogCheckpoint(ILogger logger, long epoch, string why, DateTime simTime, int components, double elapsedMs);

    [LoggerMessage(EventId = 219, Level = LogLevel.Error, Message = "Checkpoint {Epoch} failed (attempt {Attempt} of {Attempts}); the last committed checkpoint stays the one restored: {Error}")]
    private static partial void LogCheckpointFailed(ILogger logger, long epoch, int attempt, int attempts, string? error);
}
