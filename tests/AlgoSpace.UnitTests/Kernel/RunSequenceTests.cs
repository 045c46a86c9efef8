using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Kernel.Run;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlgoSpace.Tests.Kernel;

public sealed class RunSequenceTests
{
    private static RunSequence Sequence(SystemSettings? settings = null) => new(settings ?? new SystemSettings(), NullLogger.Instance);

    [Fact]
    public async Task Each_operation_runs_its_steps_in_order_with_the_timeouts_from_settings()
    {
        var settings = new SystemSettings
        {
            Steps = new RunStepSettings { StopData = 11, ProtectBook = 12, Drain = 13, Report = 14, CheckpointAndStop = 15 },
            EmergencySteps = new EmergencyStepSettings { StopData = 0.1, ProtectBook = 0.3, CheckpointAndStop = 0.4 },
        };
        var shutdown = new RecordingSteps();
        var emergency = new RecordingSteps();

        Assert.True((await Sequence(settings).RunAsync(RunOperation.Shutdown, shutdown)).Completed);
        Assert.True((await Sequence(settings).RunAsync(RunOperation.Emergency, emergency)).Completed);

        Assert.Equal([RunStep.StopData, RunStep.ProtectBook, RunStep.Drain, RunStep.Report, RunStep.CheckpointAndStop], shutdown.Steps);
        Assert.Equal([11.0, 12, 13, 14, 15], shutdown.Calls.Select(c => c.Call.Timeout.TotalSeconds));
        Assert.All(shutdown.Calls, c => Assert.Equal(RunOperation.Shutdown, c.Call.Operation));
        Assert.Equal([RunStep.StopData, RunStep.ProtectBook, RunStep.CheckpointAndStop], emergency.Steps);
        Assert.Equal([0.1, 0.3, 0.4], emergency.Calls.Select(c => c.Call.Timeout.TotalSeconds));
    }

    [Fact]
    public async Task A_failed_step_ends_a_graceful_operation_and_names_itself()
    {
        var steps = new RecordingSteps();
        steps.Behaviour[RunStep.Drain] = _ => Task.FromResult(StepOutcome.Failed("12 of 13 handled"));
        var recorder = new ListRecorder();

        var result = await Sequence().RunAsync(RunOperation.Shutdown, steps, recorder);

        Assert.False(result.Completed);
        Assert.Equal(RunStep.Drain, result.StoppedAt);
        Assert.Equal("12 of 13 handled", result.Reason);
        Assert.Equal([RunStep.StopData, RunStep.ProtectBook, RunStep.Drain], steps.Steps);
        Assert.Equal(("drain the bus", false, "12 of 13 handled"), recorder.Steps[^1]);
    }

    [Fact]
    public async Task The_emergency_path_goes_on_past_a_step_that_fails_or_runs_out_of_time()
    {
        var steps = new RecordingSteps();
        var never = new TaskCompletionSource<StepOutcome>();
        steps.Behaviour[RunStep.StopData] = _ => never.Task;
        steps.Behaviour[RunStep.ProtectBook] = _ => throw new InvalidOperationException("venue unreachable");
        var recorder = new ListRecorder();
        var settings = new SystemSettings { EmergencySteps = new EmergencyStepSettings { StopData = 0.05 } };

        var result = await Sequence(settings).RunAsync(RunOperation.Emergency, steps, recorder);

        Assert.True(result.Completed);
        Assert.Equal([RunStep.StopData, RunStep.ProtectBook, RunStep.CheckpointAndStop], steps.Steps);
        Assert.Equal((false, "did not finish within 0.05 s (system.emergency_steps.stop_data)"), (recorder.Steps[0].Succeeded, recorder.Steps[0].Detail));
        Assert.Equal((false, "venue unreachable"), (recorder.Steps[1].Succeeded, recorder.Steps[1].Detail));
        Assert.True(recorder.Steps[2].Succeeded);
    }

    [Fact]
    public async Task A_budget_bounds_each_step_by_what_is_left_of_it()
    {
        var clock = new ManualClock();
        var steps = new RecordingSteps();
        steps.Behaviour[RunStep.StopData] = _ =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(300));
            return Task.FromResult(StepOutcome.Done("stopped"));
        };
        var sequence = new RunSequence(new SystemSettings(), NullLogger.Instance, time: clock);

        await sequence.RunAsync(RunOperation.Shutdown, steps, budget: TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), steps.Calls[0].Call.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1700), steps.Calls[1].Call.Timeout);
    }

    /// <summary>A clock that moves only when the test says: the sequence's elapsed time without waiting for it.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Fact]
    public async Task A_step_that_ends_the_operation_stops_it_without_a_failure_or_later_steps()
    {
        var steps = new RecordingSteps();
        steps.Behaviour[RunStep.ProtectBook] = _ => Task.FromResult(new StepOutcome(false, "2 positions open", "check the book is flat", EndsOperation: true));
        var recorder = new ListRecorder();

        var result = await Sequence().RunAsync(RunOperation.ModeSwitch, steps, recorder);

        Assert.True(result.EndedEarly);
        Assert.Null(result.Error);
        Assert.Equal([RunStep.StopData, RunStep.Drain, RunStep.ProtectBook], steps.Steps);
        Assert.Equal("check the book is flat", recorder.Steps[^1].Step);
    }

    [Fact]
    public async Task An_operation_cancelled_by_the_emergency_path_stops_before_its_next_step()
    {
        using var emergency = new CancellationTokenSource();
        var steps = new RecordingSteps();
        steps.Behaviour[RunStep.ProtectBook] = _ =>
        {
            emergency.Cancel();
            return Task.FromResult(StepOutcome.Done("cancelled"));
        };

        var result = await Sequence().RunAsync(RunOperation.Shutdown, steps, cancellation: emergency.Token);

        Assert.False(result.Completed);
        Assert.Equal(RunStep.Drain, result.StoppedAt);
        Assert.Equal([RunStep.StopData, RunStep.ProtectBook], steps.Steps);
    }

    /// <summary>
    /// docs/architecture.md, "How to add a step to the sequence": a definition (name, timeout key, how it runs) and
    /// its place in an operation's list are all a step needs; the sequence times, bounds, logs and records it.
    /// </summary>
    [Fact]
    public async Task A_step_added_by_the_guide_runs_in_its_place_bounded_by_its_timeout()
    {
        const RunStep archive = (RunStep)100;
        var ran = new List<string>();
        var definitions = new Dictionary<RunStep, RunStepDefinition>(RunSequence.Steps)
        {
            [archive] = new(archive, "archive the run folder", "system.steps.report", s => s.Steps.Report, null, async (_, call) =>
            {
                ran.Add($"archive within {call.Timeout.TotalSeconds} s");
                await Task.Yield();
                return StepOutcome.Done("archived");
            }),
        };
        var operations = new Dictionary<RunOperation, IReadOnlyList<RunStep>>(RunSequence.Operations)
        {
            [RunOperation.Shutdown] = [RunStep.StopData, RunStep.ProtectBook, RunStep.Drain, RunStep.Report, archive, RunStep.CheckpointAndStop],
        };
        var steps = new RecordingSteps();
        var recorder = new ListRecorder();
        var sequence = new RunSequence(new SystemSettings { Steps = new RunStepSettings { Report = 7 } }, NullLogger.Instance, definitions, operations);

        var result = await sequence.RunAsync(RunOperation.Shutdown, steps, recorder);

        Assert.True(result.Completed);
        Assert.Equal(["archive within 7 s"], ran);
        Assert.Equal(["stop data", "protect the book", "drain the bus", "write the report", "archive the run folder", "checkpoint and stop"], recorder.Steps.Select(s => s.Step));
    }
}
