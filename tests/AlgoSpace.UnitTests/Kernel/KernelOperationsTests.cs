using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel;

namespace AlgoSpace.Tests.Kernel;

/// <summary>The kernel's operations driven without Orleans: what each asks of the components, in which order.</summary>
public sealed class KernelOperationsTests : IDisposable
{
    private readonly KernelRig _rig = new();
    private readonly KernelFakes _fakes;
    private readonly KernelOperations _operations;
    private readonly KernelEvents _events;
    private readonly RunRecord _record;

    public KernelOperationsTests() => (_fakes, _operations, _events, _record) = (_rig.Fakes, _rig.Operations, _rig.Events, _rig.Record);

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task Startup_creates_in_dependency_order_wires_and_starts_data_last()
    {
        var status = await _operations.StartupAsync("S127.0.0.1:11111:1");

        Assert.Equal(SystemState.Running, status.State);
        Assert.Equal(
            ["data: initialize", "execution: initialize", "tracker: initialize", "data: wire", "execution: wire", "tracker: wire",
             "execution: start", "tracker: start", "data: start", "kernel: sampling"],
            _fakes.Calls);
    }

    [Fact]
    public async Task A_completed_backtest_shuts_down_flattens_and_is_marked_complete_without_a_checkpoint()
    {
        await _operations.StartupAsync("S127.0.0.1:11111:1");
        _fakes.Calls.Clear();
        // The data handler sent BACKTEST_COMPLETE on the bus to the kernel: one delivery, which the kernel handles.
        _fakes.SetSent("data", 1);

        await _events.DeliverAsync(new EventEnvelope(EventTypes.BacktestComplete, 9, DateTime.UtcNow, "data", "data:9", new BacktestCompletePayload(10, 0, 10)));
        await _fakes.IdleAsync();

        Assert.Equal(["data: stop data", "execution: flatten", "data: stop", "tracker: stop", "execution: stop"], _fakes.Calls);
        Assert.Equal((0, StopReason.BacktestComplete), (_fakes.Stops.Single().ExitCode, _fakes.Stops.Single().Reason));
        Assert.True(_fakes.State.Completed);
        Assert.Equal(SystemState.Stopped, _record.Current);
        Assert.Empty(_fakes.Commits);
    }

    [Fact]
    public async Task An_interrupted_backtest_keeps_its_book_and_commits_a_final_checkpoint()
    {
        await _operations.StartupAsync("S127.0.0.1:11111:1");
        _fakes.Calls.Clear();

        await _operations.RequestShutdown(StopReason.Operator, "operator test asked for a shutdown");
        await _fakes.IdleAsync();

        Assert.Equal(["data: stop data", "data: checkpoint 1", "execution: checkpoint 1", "tracker: checkpoint 1", "data: stop", "tracker: stop", "execution: stop"],
            _fakes.Calls);
        Assert.Equal(1, _fakes.Commits.Single().Epoch);
        Assert.False(_fakes.State.Completed);
        Assert.Equal(StopReason.Operator, _fakes.Stops.Single().Reason);
    }

    [Fact]
    public async Task A_policy_checkpoint_commits_while_running_and_is_refused_before_the_run_starts()
    {
        var early = await _operations.CheckpointAsync(DateTime.UtcNow);
        await _operations.StartupAsync("S127.0.0.1:11111:1");
        var taken = await _operations.CheckpointAsync(new DateTime(2024, 1, 2, 1, 30, 0));

        Assert.False(early.Committed);
        Assert.Equal("the components are not created", early.Skipped);
        Assert.True(taken.Committed);
        Assert.Equal(1, taken.Epoch);
        Assert.Equal(new DateTime(2024, 1, 2, 1, 30, 0), _fakes.Commits.Single().SimTime);
    }

    [Fact]
    public async Task A_critical_error_runs_the_emergency_path_exit_4_without_a_checkpoint()
    {
        await _operations.StartupAsync("S127.0.0.1:11111:1");
        _fakes.Calls.Clear();

        await _events.DeliverAsync(new EventEnvelope(EventTypes.SystemError, 0, DateTime.UtcNow, "execution", "execution",
            new SystemErrorPayload("execution", "fatal", "venue lost", true)));
        await _fakes.IdleAsync();

        Assert.Equal(["data: halt data"], _fakes.Calls);
        Assert.Equal((ExitCodes.EmergencyShutdown, StopReason.Emergency), (_fakes.Stops.Single().ExitCode, _fakes.Stops.Single().Reason));
        Assert.Equal(SystemState.Faulted, _record.Current);
        Assert.Equal(ComponentState.Failed, _record.Component("execution")!.State);
        Assert.Empty(_fakes.Commits);
    }
}
