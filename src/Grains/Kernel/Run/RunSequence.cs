using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Kernel.Run;

/// <summary>
/// The one run sequence: which steps each operation takes, in which order, each bounded by its timeout from
/// settings and logged with its duration. The silo lifecycle, the kernel's shutdowns and mode switch, and the
/// in-process runner all run operations through it; none lists steps of its own. docs/architecture.md's step table is
/// checked against <see cref="Operations"/> and <see cref="Steps"/> by a test.
/// </summary>
public sealed partial class RunSequence(
    SystemSettings settings,
    ILogger logger,
    IReadOnlyDictionary<RunStep, RunStepDefinition>? steps = null,
    IReadOnlyDictionary<RunOperation, IReadOnlyList<RunStep>>? operations = null,
    TimeProvider? time = null)
{
    /// <summary>The steps, in the order of <see cref="RunStep"/>.</summary>
    public static IReadOnlyDictionary<RunStep, RunStepDefinition> Steps { get; } = new[]
    {
        new RunStepDefinition(RunStep.Create, "create components", "system.steps.create", s => s.Steps.Create, null, (r, c) => r.CreateAsync(c)),
        new RunStepDefinition(RunStep.Wire, "wire routes", "system.steps.wire", s => s.Steps.Wire, null, (r, c) => r.WireAsync(c)),
        new RunStepDefinition(RunStep.Start, "start components", "system.steps.start", s => s.Steps.Start, null, (r, c) => r.StartAsync(c)),
        new RunStepDefinition(RunStep.StopData, "stop data", "system.steps.stop_data", s => s.Steps.StopData, s => s.EmergencySteps.StopData, (r, c) => r.StopDataAsync(c)),
        new RunStepDefinition(RunStep.ProtectBook, "protect the book", "system.steps.protect_book", s => s.Steps.ProtectBook, s => s.EmergencySteps.ProtectBook, (r, c) => r.ProtectBookAsync(c)),
        new RunStepDefinition(RunStep.Drain, "drain the bus", "system.steps.drain", s => s.Steps.Drain, null, (r, c) => r.DrainAsync(c), BoundsItself: true),
        new RunStepDefinition(RunStep.Report, "write the report", "system.steps.report", s => s.Steps.Report, null, (r, c) => r.ReportAsync(c)),
        new RunStepDefinition(RunStep.CheckpointAndStop, "checkpoint and stop", "system.steps.checkpoint_and_stop", s => s.Steps.CheckpointAndStop, s => s.EmergencySteps.CheckpointAndStop, (r, c) => r.CheckpointAndStopAsync(c)),
    }.ToDictionary(d => d.Step);

    /// <summary>The steps of each operation, in order.</summary>
    public static IReadOnlyDictionary<RunOperation, IReadOnlyList<RunStep>> Operations { get; } = new Dictionary<RunOperation, IReadOnlyList<RunStep>>
    {
        [RunOperation.Startup] = [RunStep.Create, RunStep.Wire, RunStep.Start],
        [RunOperation.Shutdown] = [RunStep.StopData, RunStep.ProtectBook, RunStep.Drain, RunStep.Report, RunStep.CheckpointAndStop],
        [RunOperation.Emergency] = [RunStep.StopData, RunStep.ProtectBook, RunStep.CheckpointAndStop],
        // The book is protected between two drains: the first lets a trade in flight land before the book is read.
        [RunOperation.ModeSwitch] = [RunStep.StopData, RunStep.Drain, RunStep.ProtectBook, RunStep.Drain, RunStep.Report, RunStep.CheckpointAndStop, RunStep.Create, RunStep.Wire, RunStep.Start],
        [RunOperation.SwitchedBacktestEnd] = [RunStep.Drain, RunStep.Report],
        // A leaving silo's components must be saved at a quiescent point: the shutdown's steps without its report,
        // its book protection (the run goes on) or its stop.
        [RunOperation.HandOver] = [RunStep.StopData, RunStep.Drain, RunStep.CheckpointAndStop],
        // The resume of a restart, run inside the live cluster: the components still alive are restored too, so that
        // the whole pipeline is one consistent cut again.
        [RunOperation.Recovery] = [RunStep.StopData, RunStep.Create, RunStep.Wire, RunStep.Start],
        // A silo joined: the hand-over's steps (its checkpoint step also releases the hosts that move), then the
        // recovery's restore from that checkpoint, so nothing is replayed.
        [RunOperation.Rebalance] = [RunStep.StopData, RunStep.Drain, RunStep.CheckpointAndStop, RunStep.Create, RunStep.Wire, RunStep.Start],
    };

    private readonly IReadOnlyDictionary<RunStep, RunStepDefinition> _steps = steps ?? Steps;
    private readonly IReadOnlyDictionary<RunOperation, IReadOnlyList<RunStep>> _operations = operations ?? Operations;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The steps <paramref name="operation"/> takes, in order.</summary>
    public IReadOnlyList<RunStep> StepsOf(RunOperation operation) => _operations[operation];

    /// <summary>
    /// Runs <paramref name="operation"/>'s steps in order over <paramref name="runner"/>. Each step is bounded by its
    /// timeout and, with a <paramref name="budget"/>, by what is left of it. A failed step ends the operation, except
    /// on the emergency path, which goes on to its next step: there is nothing safer to fall back to.
    /// <paramref name="recorder"/>, when given, sees each step as the operator's console shows it.
    /// </summary>
    public async Task<SequenceResult> RunAsync(
        RunOperation operation, IRunSteps runner, IStepRecorder? recorder = null, TimeSpan? budget = null, CancellationToken cancellation = default)
    {
        var started = _time.GetTimestamp();
        var list = _operations[operation];
        StepOutcome? last = null;
        for (var i = 0; i < list.Count; i++)
        {
            var definition = _steps[list[i]];
            if (cancellation.IsCancellationRequested)
            {
                return new SequenceResult(false, definition.Step, StepOutcome.Failed("the emergency path took over"), null);
            }

            var timeout = definition.TimeoutIn(settings, operation);
            if (budget is { } total) timeout = Min(timeout, total - _time.GetElapsedTime(started));
            var (outcome, error) = await RunStepAsync(definition, runner, new StepCall(operation, timeout, cancellation), i + 1);
            last = outcome;
            var label = outcome.Label ?? definition.Name;
            recorder?.Record(label, outcome.Succeeded, outcome.Detail);
            if (outcome.EndsOperation) return new SequenceResult(false, definition.Step, outcome, null);
            if (!outcome.Succeeded && operation != RunOperation.Emergency) return new SequenceResult(false, definition.Step, outcome, error);
        }

        return new SequenceResult(true, null, last, null);

        static TimeSpan Min(TimeSpan a, TimeSpan b) => b < a ? (b > TimeSpan.Zero ? b : TimeSpan.Zero) : a;
    }

    private async Task<(StepOutcome Outcome, Exception? Error)> RunStepAsync(RunStepDefinition definition, IRunSteps runner, StepCall call, int index)
    {
        var started = _time.GetTimestamp();
        StepOutcome outcome;
        Exception? error = null;
        try
        {
            var running = definition.Run(runner, call);
            outcome = definition.BoundsItself ? await running : await running.WaitAsync(call.Timeout, _time);
        }
        catch (TimeoutException)
        {
            var key = call.Operation == RunOperation.Emergency ? definition.EmergencyTimeoutKey : definition.TimeoutKey;
            outcome = StepOutcome.Failed($"did not finish within {call.Timeout.TotalSeconds:0.###} s ({key})");
        }
        catch (Exception ex)
        {
            error = ex;
            outcome = StepOutcome.Failed(ex.GetBaseException().Message);
        }

        var elapsed = _time.GetElapsedTime(started).TotalMilliseconds;
        var operationName = Describe(call.Operation);
        var label = outcome.Label ?? definition.Name;
        if (outcome.Succeeded) LogStep(logger, operationName, index, label, elapsed, outcome.Detail);
        else LogStepFailed(logger, operationName, index, label, elapsed, outcome.Detail, error);
        return (outcome, error);
    }

    /// <summary>The operation's name in logs.</summary>
    public static string Describe(RunOperation operation) => operation switch
    {
        RunOperation.Startup => "Startup",
        RunOperation.Shutdown => "Shutdown",
        RunOperation.Emergency => "Emergency",
        RunOperation.ModeSwitch => "Mode switch",
        RunOperation.SwitchedBacktestEnd => "Backtest end",
        RunOperation.HandOver => "Hand-over",
        RunOperation.Recovery => "Recovery",
        RunOperation.Rebalance => "Rebalance",
        _ => operation.ToString(),
    };

    [LoggerMessage(EventId = 240, Level = LogLevel.Information, Message = "{Operation} step {Index}, {Step}: done in {ElapsedMs:F1} ms; {Detail}")]
    private static partial void LogStep(ILogger logger, string operation, int index, string step, double elapsedMs, string detail);

    [LoggerMessage(EventId = 241, Level = LogLevel.Error, Message = "{Operation} step {Index}, {Step}: FAILED after {ElapsedMs:F1} ms; {Detail}")]
    private static partial void LogStepFailed(ILogger logger, string operation, int index, string step, double elapsedMs, string detail, Exception? exception);
}

/// <summary>Sees each step of an operation as the operator's console shows it.</summary>
public interface IStepRecorder
{
    void Record(string step, bool succeeded, string detail);
}
