using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel.Run;
using AlgoSpace.Grains.Placement;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The kernel's steps of the run sequence (<see cref="IRunSteps"/>): what each step means for each operation,
/// carried out on the components through the <see cref="ComponentFleet"/>. Holds what the steps share about the
/// run under way: whether its backtest completed, the mode a switch goes to, the emergency's reason.
/// </summary>
public sealed partial class KernelRun(
    AlgoSpaceSettings settings,
    ComponentFleet fleet,
    CheckpointCoordinator checkpoints,
    RunReporter reporter,
    RunRecord record,
    KernelCounters counters,
    IKernelPorts ports,
    ILogger logger) : IRunSteps
{
    /// <summary>The data source's end-of-backtest summary, once it arrived; null while the data runs.</summary>
    public BacktestCompletePayload? Complete { get; set; }

    /// <summary>The mode a switch under way goes to.</summary>
    public TradingMode? SwitchTarget { get; set; }

    /// <summary>Why the emergency path runs (execution handlers stamp it on what they close).</summary>
    public string EmergencyReason { get; set; } = "";

    /// <summary>Why a hand-over, recovery or rebalance runs: which silo left, died or joined, as the kernel was told.</summary>
    public string RecoveryCause { get; set; } = "";

    /// <summary>The hosts a rebalance under way moves to another silo (<see cref="PipelineRebalance"/>).</summary>
    public IReadOnlyList<PipelineMove> Moves { get; set; } = [];

    /// <summary>The simulation time of the checkpoint a rebalance takes the place of.</summary>
    public DateTime? RebalanceSimTime { get; set; }

    /// <summary>
    /// A backtest stopped before its data ended (a signal, an operator, a crash): its simulated book is part of the
    /// run's checkpoint and resumes with it. Flattening it would write a history the uninterrupted run never has.
    /// </summary>
    public bool InterruptedBacktest => record.Mode == TradingMode.Backtest && Complete is null;

    private string ModeName => RunRecord.ModeName(record.Mode);

    private int ComponentCount => fleet.Plan?.ActivationOrder.Count ?? 0;

    public async Task<StepOutcome> CreateAsync(StepCall call)
    {
        RestorePoint restore;
        if (call.Operation is RunOperation.Recovery or RunOperation.Rebalance)
        {
            // Every component, alive or not, goes back to the committed checkpoint: the survivors ran on past it, and
            // a pipeline restored in part would not be one consistent cut. The run's own journal reconciles the replay.
            // (A rebalance restores the checkpoint it has just committed: nothing is replayed.)
            var rebalance = call.Operation == RunOperation.Rebalance;
            var count = rebalance ? ++record.State.Rebalances : ++record.State.Recoveries;
            // The hosts count afresh from the restore (new shells, new buses), so must the kernel: the drain compares them.
            counters.Reset();
            restore = await checkpoints.BeginAsync(resume: true) with { Recovery = record.State.Recoveries + record.State.Rebalances };
            fleet.PlanFor(record.Mode);
            await record.TransitionAsync(SystemState.Recovering, rebalance
                ? $"rebalance {count} of run {record.RunId} ({RecoveryCause}): restoring checkpoint {restore.Epoch}, {PipelineRebalance.Describe(Moves)}"
                : $"recovery {count} of run {record.RunId} ({RecoveryCause}): restoring checkpoint {restore.Epoch} on the silos that remain");
        }
        else if (call.Operation == RunOperation.ModeSwitch)
        {
            // A switch begins a new run: the other mode's bars and indicators belong to another timeline.
            record.BeginRun(SwitchTarget ?? throw new InvalidOperationException("A mode switch needs its target mode."), keepHistory: true);
            (Complete, SwitchTarget) = (null, null);
            reporter.NewRun();
            counters.Reset();
            restore = await checkpoints.BeginAsync(resume: false);
            fleet.PlanFor(record.Mode);
        }
        else
        {
            var resume = record.IsUnfinished;
            if (resume) record.State.Restarts++;
            else record.BeginRun(settings.System.Mode, keepHistory: false);
            restore = await checkpoints.BeginAsync(resume);
            fleet.PlanFor(record.Mode);
            await record.TransitionAsync(SystemState.Initializing, resume ? $"restart {record.State.Restarts} of run {record.RunId}" : $"new run {record.RunId}");
        }

        if (!await fleet.CreateAsync(restore))
        {
            return StepOutcome.Failed(record.State.Transitions.LastOrDefault()?.Cause ?? "a critical component failed to start");
        }

        var failed = record.State.Components.Where(c => c.State == ComponentState.Failed).ToList();
        return StepOutcome.Done(failed.Count == 0
            ? $"{record.State.Components.Count} components for {ModeName} mode, run {record.RunId}"
            : "failed: " + string.Join("; ", failed.Select(f => $"{f.Name} ({f.Reason})")));
    }

    public async Task<StepOutcome> WireAsync(StepCall call)
    {
        await fleet.WireAsync();
        return StepOutcome.Done($"{fleet.Routes!.EventTypes.Count()} event types routed");
    }

    public async Task<StepOutcome> StartAsync(StepCall call)
    {
        // A rebalance pauses the run, which goes on: its report's run time still counts from the run's start.
        if (call.Operation != RunOperation.Rebalance) reporter.RunStarted();
        await record.TransitionAsync(SystemState.Starting, "components created and wired");
        await fleet.StartAsync();
        ports.StartSampling();
        var degraded = record.State.Components.Where(c => c.State is ComponentState.Degraded or ComponentState.Failed).ToList();
        await record.TransitionAsync(
            degraded.Count == 0 ? SystemState.Running : SystemState.Degraded,
            degraded.Count == 0 ? "every component running" : "degraded: " + string.Join("; ", degraded.Select(d => $"{d.Name} ({d.Reason})")));
        return StepOutcome.Done($"data last; system {record.Current}");
    }

    public async Task<StepOutcome> StopDataAsync(StepCall call)
    {
        if (call.Operation == RunOperation.Emergency)
        {
            await fleet.HaltDataAsync();
            return StepOutcome.Done("data sources told to stop");
        }

        if (call.Operation is RunOperation.HandOver or RunOperation.Recovery or RunOperation.Rebalance)
        {
            // A kernel that moved with a lost silo knows its run from its saved record only: plan it to find the sources.
            if (fleet.Plan is null) fleet.PlanFor(record.Mode);
            if (record.Current != SystemState.Recovering) await record.TransitionAsync(SystemState.Recovering, RecoveryCause);
        }
        else if (record.Current is SystemState.Running or SystemState.Degraded or SystemState.Starting)
        {
            await record.TransitionAsync(SystemState.Stopping, "shutdown requested");
        }

        await fleet.StopDataAsync();
        return StepOutcome.Done("data sources stopped");
    }

    public async Task<StepOutcome> ProtectBookAsync(StepCall call)
    {
        switch (call.Operation)
        {
            case RunOperation.ModeSwitch:
                return await ProtectForSwitchAsync();
            case RunOperation.Emergency when InterruptedBacktest:
                return StepOutcome.Done($"backtest interrupted: the run resumes from checkpoint {checkpoints.CommittedEpoch} and its journal", KeepBook);
            case RunOperation.Emergency:
                await Task.WhenAll(fleet.Keepers.Select(c => ports.Host(c.Name).ProtectPositionsAsync(BookProtection.Emergency(EmergencyReason))));
                return StepOutcome.Done("working orders cancelled, positions flattened", "cancel orders and flatten");
            case RunOperation.Shutdown when InterruptedBacktest:
                LogBookKept(logger);
                return StepOutcome.Done("backtest interrupted before its end: orders and positions are saved in the final checkpoint and resume with the run", KeepBook);
            default:
                var flatten = settings.System.ClosePositionsOnShutdown;
                return StepOutcome.Done(await fleet.ProtectBookAsync(flatten), ProtectLabel(flatten));
        }
    }

    private const string KeepBook = "keep the simulated book";

    private static string ProtectLabel(bool flatten) => flatten ? "cancel working orders and flatten" : "cancel working orders";

    /// <summary>
    /// A switch flattens as system.flatten_on_mode_switch says. When it does not flatten and a trade in flight opened
    /// a position after the switch was accepted, the switch stops here: the new mode's handler starts with an empty
    /// book, so the position would be orphaned.
    /// </summary>
    private async Task<StepOutcome> ProtectForSwitchAsync()
    {
        var flatten = settings.System.FlattenOnModeSwitch;
        if (!flatten && (await fleet.AskAccountAsync()).Account is { Positions.Count: > 0 } open)
        {
            return new StepOutcome(false, $"{open.Positions.Count} positions open and system.flatten_on_mode_switch is false; staying in {ModeName} mode",
                "check the book is flat", EndsOperation: true);
        }

        return StepOutcome.Done(await fleet.ProtectBookAsync(flatten), ProtectLabel(flatten));
    }

    public async Task<StepOutcome> DrainAsync(StepCall call)
    {
        if (fleet.Plan is null) return StepOutcome.Done("no components");
        var flush = await fleet.FlushAsync(call.Timeout, call.Cancellation);
        var detail = $"{flush.Handled} deliveries handled of {flush.Sent} sent, {flush.Elapsed.TotalMilliseconds:F0} ms";
        // A switched backtest's end reports what it has either way: the system stays up for the operator.
        return flush.Completed || call.Operation == RunOperation.SwitchedBacktestEnd
            ? StepOutcome.Done(detail)
            : StepOutcome.Failed($"the bus did not drain within {call.Timeout.TotalSeconds:0.#} s: {detail}");
    }

    public async Task<StepOutcome> ReportAsync(StepCall call)
    {
        if (fleet.Plan is null) return StepOutcome.Done("no components");
        return StepOutcome.Done(await reporter.WriteOnceAsync(Complete), $"write the {ModeName} report");
    }

    public async Task<StepOutcome> CheckpointAndStopAsync(StepCall call)
    {
        if (call.Operation == RunOperation.Emergency)
        {
            ports.StopSampling();
            await record.SaveAsync();
            return StepOutcome.Done($"exit code {ExitCodes.EmergencyShutdown} recorded", "save kernel state");
        }

        if (fleet.Plan is null) return StepOutcome.Done("no components");
        if (call.Operation is RunOperation.HandOver or RunOperation.Rebalance)
        {
            var why = call.Operation == RunOperation.HandOver ? "hand-over" : "rebalance";
            var taken = await checkpoints.TakeAsync(call.Operation == RunOperation.Rebalance && RebalanceSimTime is { } at ? at : checkpoints.LastSimTime, why);
            if (!taken.Committed)
            {
                throw new InvalidOperationException($"the {why} checkpoint could not be written ({taken.Skipped}); the run recovers from checkpoint {checkpoints.CommittedEpoch}");
            }

            if (call.Operation == RunOperation.HandOver)
            {
                return StepOutcome.Done($"checkpoint {checkpoints.CommittedEpoch} committed; the components resume from it on the other silos once this one has left",
                    "commit a checkpoint");
            }

            // The hosts count afresh from the restore, which replays nothing: the report carries what they counted so far.
            reporter.Carry(await fleet.ReadCountersAsync());
            // Their next activation (the restore that follows) goes through the placement director, onto the new silo.
            await Task.WhenAll(Moves.Select(m => ports.Host(m.Component).ReleaseAsync()));
            return StepOutcome.Done($"checkpoint {checkpoints.CommittedEpoch} committed; {Moves.Count} hosts released to move: {PipelineRebalance.Describe(Moves)}",
                "commit a checkpoint and release the pipelines that move");
        }

        if (call.Operation == RunOperation.ModeSwitch)
        {
            var from = ModeName;
            await fleet.StopAsync();
            return StepOutcome.Done($"{ComponentCount} components stopped; the {from} run ends here", "stop components");
        }

        return await CheckpointAndStopRunAsync();
    }

    /// <summary>
    /// The graceful end of a run: a backtest that ran to its end (its report written) is marked complete, so the
    /// next start begins a new run; any other run commits a final checkpoint that the next start resumes from.
    /// </summary>
    private async Task<StepOutcome> CheckpointAndStopRunAsync()
    {
        ports.StopSampling();
        if (Complete is not null && record.Mode == TradingMode.Backtest && record.State.SwitchedTo is null)
        {
            record.State.Completed = true;
        }
        else
        {
            var checkpoint = await checkpoints.TakeAsync(checkpoints.LastSimTime, "final");
            if (!checkpoint.Committed)
            {
                throw new InvalidOperationException($"the final checkpoint could not be written ({checkpoint.Skipped}); the run resumes from checkpoint {checkpoints.CommittedEpoch}");
            }
        }

        checkpoints.LogCost();
        await fleet.StopAsync();
        record.State.ExitCode ??= ExitCodes.Success;
        if (record.Current != SystemState.Faulted) await record.TransitionAsync(SystemState.Stopped, "shutdown sequence complete");
        else await record.SaveAsync();
        return StepOutcome.Done(record.State.Completed
            ? $"run complete; {ComponentCount} components stopped"
            : $"checkpoint {checkpoints.CommittedEpoch} committed; {ComponentCount} components stopped", "save state and stop components");
    }

    [LoggerMessage(EventId = 217, Level = LogLevel.Information, Message = "Backtest interrupted before its end: the simulated book is kept (it is part of the checkpoint and resumes with the run)")]
    private static partial void LogBookKept(ILogger logger);
}
