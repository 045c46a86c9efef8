using System.Diagnostics;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel.Run;
using AlgoSpace.Grains.Placement;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The kernel's operation for a silo that joins a run under way (docs/architecture.md, "Silos joining and leaving"):
/// with several symbols, the pipelines that the placement rule now gives to another silo move there at the next
/// checkpoint, by the hand-over's steps and the recovery's restore from the checkpoint just committed.
/// </summary>
public sealed partial class KernelOperations
{
    /// <summary>Every silo reported as joined, once: each other silo reports the same arrival.</summary>
    private readonly HashSet<string> _joinedSilos = new(StringComparer.Ordinal);

    /// <summary>Joined silos whose arrival no rebalance has looked at yet.</summary>
    private readonly HashSet<string> _arrivals = new(StringComparer.Ordinal);

    /// <summary>When the first of <see cref="_arrivals"/> was reported (the move's time is measured from it).</summary>
    private long? _arrivedAt;

    /// <summary>Rebalances whose hosts did not all land on their new silo, tried again at a later checkpoint.</summary>
    private int _rebalanceRetries;

    private const int RebalanceRetries = 2;

    /// <summary>Whether a joined silo waits for the next checkpoint to take its share of the pipelines.</summary>
    public bool RebalanceDue => _arrivals.Count > 0;

    /// <summary>
    /// Silo <paramref name="silo"/> joined the cluster. With several symbols the kernel looks at the next checkpoint
    /// whether pipelines move to it; with one there is nothing to spread.
    /// </summary>
    public void NoteSiloJoined(string silo)
    {
        if (settings.Symbols.Count < 2 || Stopping || !_joinedSilos.Add(silo)) return;
        _arrivals.Add(silo);
        _arrivedAt ??= Stopwatch.GetTimestamp();
        LogRebalanceDue(logger, silo);
    }

    /// <summary>
    /// At a snapshot-policy checkpoint (the pipeline quiescent, nothing else running): when a joined silo is active and
    /// the rule moves pipelines, queues the rebalance, which takes this checkpoint's place. False: take the checkpoint.
    /// </summary>
    private async Task<bool> QueueRebalanceAtAsync(DateTime simTime)
    {
        // (A backtest whose data has ended is not moved: its shutdown follows.)
        if (_arrivals.Count == 0 || _queue.IsBusy || Stopping || run.Complete is not null || fleet.Plan is null) return false;
        var active = ports.ActiveSilos();
        // A silo another silo saw join, that this silo's membership does not list as active yet, is looked at next time.
        var arrived = _arrivals.Where(s => active.Any(a => a.ToString() == s)).ToList();
        if (arrived.Count == 0) return false;
        var moves = PipelineRebalance.Moves(settings.Symbols, await fleet.ReadPlacementsAsync(), active);
        // Another operation was queued while the hosts answered: the arrivals wait for the next checkpoint.
        if (_queue.IsBusy) return false;
        _arrivals.ExceptWith(arrived);
        var cause = $"silo {string.Join(", ", arrived)} joined the cluster";
        if (moves.Count == 0)
        {
            LogNothingMoves(logger, cause);
            return false;
        }

        var since = _arrivedAt ?? Stopwatch.GetTimestamp();
        if (_arrivals.Count == 0) _arrivedAt = null;
        QueueRebalance(cause, moves, simTime, since);
        return true;
    }

    private void QueueRebalance(string cause, IReadOnlyList<PipelineMove> moves, DateTime simTime, long arrivedAt)
    {
        RecoveryPending = true;
        LogRebalanceQueued(logger, cause, PipelineRebalance.Describe(moves));
        _queue.Enqueue("rebalance", async cancellation =>
        {
            var started = Stopwatch.GetTimestamp();
            log.Begin("rebalance", cause);
            (run.RecoveryCause, run.Moves, run.RebalanceSimTime) = (cause, moves, simTime);
            var result = await sequence.RunAsync(RunOperation.Rebalance, run, log, cancellation: cancellation);
            (run.Moves, run.RebalanceSimTime) = ([], null);
            RecoveryPending = false;
            if (!result.Completed)
            {
                if (cancellation.IsCancellationRequested) return;
                if (record.Current == SystemState.Faulted)
                {
                    ScheduleEmergency($"the rebalance after {cause} failed at '{result.StoppedAt}': {result.Reason}");
                    return;
                }

                // The data is stopped and some hosts may be released: the last committed checkpoint restores the run.
                LogRebalanceFailed(logger, cause, result.StoppedAt?.ToString() ?? "", result.Reason, checkpoints.CommittedEpoch);
                QueueRecovery($"the rebalance after {cause} failed");
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var sinceJoin = Stopwatch.GetElapsedTime(arrivedAt).TotalMilliseconds;
            LogRebalanced(logger, cause, PipelineRebalance.Describe(moves), checkpoints.CommittedEpoch, elapsed, sinceJoin);
            log.Step("rebalanced", true, $"{moves.Count} hosts moved, checkpoint {checkpoints.CommittedEpoch}, {elapsed:F0} ms");
            log.End();
            await CheckMovedAsync(moves);
        }, ports.Schedule);
    }

    /// <summary>
    /// Each moved host should now run where the rule put it; one that does not (the silo it left placed it by a view of
    /// the membership without the new silo) is moved again at a later checkpoint, a few times at most.
    /// </summary>
    private async Task CheckMovedAsync(IReadOnlyList<PipelineMove> moves)
    {
        var now = (await fleet.ReadPlacementsAsync()).ToDictionary(p => p.Component, p => p.Silo, StringComparer.Ordinal);
        var stayed = moves.Where(m => now.GetValueOrDefault(m.Component) != m.To).ToList();
        if (stayed.Count == 0)
        {
            _rebalanceRetries = 0;
            return;
        }

        var retry = _rebalanceRetries++ < RebalanceRetries;
        LogNotMoved(logger, stayed.Count, string.Join(", ", stayed.Select(m => $"{m.Component} on {now.GetValueOrDefault(m.Component) ?? "?"}")), retry);
        if (!retry) return;
        _arrivals.Add(stayed[0].To);
        _arrivedAt ??= Stopwatch.GetTimestamp();
    }

    [LoggerMessage(EventId = 236, Level = LogLevel.Information, Message = "Silo {Silo} joined the cluster: at the next checkpoint the pipelines the placement rule gives it move there")]
    private static partial void LogRebalanceDue(ILogger logger, string silo);

    [LoggerMessage(EventId = 237, Level = LogLevel.Information, Message = "No rebalance after {Cause}: every pipeline already runs on the silo the placement rule gives it")]
    private static partial void LogNothingMoves(ILogger logger, string cause);

    [LoggerMessage(EventId = 238, Level = LogLevel.Information, Message = "Rebalance queued: {Cause}; moving {Moves}: the data stops, a checkpoint is committed, and every component is restored from it")]
    private static partial void LogRebalanceQueued(ILogger logger, string cause, string moves);

    [LoggerMessage(EventId = 239, Level = LogLevel.Information, Message = "Rebalanced after {Cause}: moved {Moves}; restored checkpoint {Epoch} and restarted the data in {ElapsedMs:F0} ms ({SinceJoinMs:F0} ms after the silo was reported joined)")]
    private static partial void LogRebalanced(ILogger logger, string cause, string moves, long epoch, double elapsedMs, double sinceJoinMs);

    [LoggerMessage(EventId = 242, Level = LogLevel.Warning, Message = "The rebalance after {Cause} failed at '{Step}' ({Reason}); the run recovers from checkpoint {Epoch}")]
    private static partial void LogRebalanceFailed(ILogger logger, string cause, string step, string reason, long epoch);

    [LoggerMessage(EventId = 243, Level = LogLevel.Warning, Message = "After the rebalance {Count} hosts are not on the silo the placement rule gives them ({Hosts}); tried again at the next checkpoint: {Retry}")]
    private static partial void LogNotMoved(ILogger logger, int count, string hosts, bool retry);
}
