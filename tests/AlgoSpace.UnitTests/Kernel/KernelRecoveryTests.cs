using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Tests.Kernel;

/// <summary>
/// The kernel's side of a cluster that loses a silo, without Orleans: the recovery restores every component from the
/// committed checkpoint once per lost silo; a leaving silo's hand-over commits a checkpoint at a quiescent point and
/// waits; a kernel activated anew inside a live cluster lets a joining silo join instead of starting the run again.
/// </summary>
public sealed class KernelRecoveryTests : IDisposable
{
    private const string SiloA = "S127.0.0.1:11111:1";
    private const string SiloB = "S127.0.0.1:11112:1";
    private const string SiloC = "S127.0.0.1:11113:1";

    private readonly KernelRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private async Task<KernelFakes> RunningWithCheckpointAsync()
    {
        await _rig.Operations.StartupAsync(SiloA);
        var taken = await _rig.Operations.CheckpointAsync(new DateTime(2024, 1, 2, 1, 30, 0));
        Assert.True(taken.Committed);
        _rig.Fakes.Calls.Clear();
        return _rig.Fakes;
    }

    [Fact]
    public async Task A_lost_silo_stops_the_data_and_restores_every_component_from_the_committed_checkpoint_once()
    {
        var fakes = await RunningWithCheckpointAsync();

        // Every survivor reports the same death; the kernel recovers once.
        _rig.Operations.RequestRecovery(SiloB, "silo B left the cluster");
        _rig.Operations.RequestRecovery(SiloB, "silo B left the cluster");
        await fakes.IdleAsync();

        Assert.Equal(
            ["data: stop data", "data: initialize from 1 (recovery 1)", "execution: initialize from 1 (recovery 1)", "tracker: initialize from 1 (recovery 1)",
             "data: wire", "execution: wire", "tracker: wire", "execution: start", "tracker: start", "data: start", "kernel: sampling"],
            fakes.Calls);
        Assert.Equal(SystemState.Running, _rig.Record.Current);
        Assert.Equal(1, fakes.State.Recoveries);
        Assert.Contains(fakes.State.Transitions, t => t.To == SystemState.Recovering && t.Cause.Contains("silo B left", StringComparison.Ordinal));
        Assert.False(_rig.Operations.RecoveryPending);
        Assert.Empty(fakes.Stops);
    }

    [Fact]
    public async Task A_second_lost_silo_recovers_again_from_the_same_checkpoint()
    {
        var fakes = await RunningWithCheckpointAsync();

        _rig.Operations.RequestRecovery(SiloB, "silo B left");
        await fakes.IdleAsync();
        _rig.Operations.RequestRecovery(SiloC, "silo C left");
        await fakes.IdleAsync();

        Assert.Equal(2, fakes.State.Recoveries);
        Assert.Contains("execution: initialize from 1 (recovery 2)", fakes.Calls);
    }

    [Fact]
    public async Task A_hand_over_stops_the_data_and_commits_a_checkpoint_then_waits_in_Recovering_until_the_silo_has_left()
    {
        var fakes = await RunningWithCheckpointAsync();

        await _rig.Operations.HandOverAsync(SiloB);

        Assert.Equal(["data: stop data", "data: checkpoint 2", "execution: checkpoint 2", "tracker: checkpoint 2"], fakes.Calls);
        Assert.Equal(2, fakes.Commits[^1].Epoch);
        Assert.Equal(SystemState.Recovering, _rig.Record.Current);
        // The snapshot policy takes no checkpoint meanwhile, and that is no emergency.
        var refused = await _rig.Operations.CheckpointAsync(new DateTime(2024, 1, 3, 1, 30, 0));
        Assert.False(refused.Committed);
        Assert.Empty(fakes.Stops);

        fakes.Calls.Clear();
        _rig.Operations.RequestRecovery(SiloB, "silo B left the cluster");
        await fakes.IdleAsync();

        Assert.Contains("data: initialize from 2 (recovery 1)", fakes.Calls);
        Assert.Equal("data: start", fakes.Calls[^2]);
        Assert.Equal(SystemState.Running, _rig.Record.Current);
    }

    [Fact]
    public async Task A_kernel_activated_anew_on_a_survivor_recovers_from_its_saved_record()
    {
        await RunningWithCheckpointAsync();
        using var moved = _rig.Restart();

        moved.Operations.RequestRecovery(SiloB, "silo B, which held the kernel, was killed");
        await moved.Fakes.IdleAsync();

        Assert.Equal("data: stop data", moved.Fakes.Calls[0]);
        Assert.Contains("tracker: initialize from 1 (recovery 1)", moved.Fakes.Calls);
        Assert.Equal(SystemState.Running, moved.Record.Current);
    }

    [Fact]
    public async Task A_silo_that_joins_while_another_silo_of_the_run_is_active_joins_it_and_starts_nothing()
    {
        await RunningWithCheckpointAsync();
        using var moved = _rig.Restart();
        moved.Fakes.ActiveSilos.Add(SiloA);

        var status = await moved.Operations.StartupAsync(SiloC);

        Assert.Empty(moved.Fakes.Calls);
        Assert.Equal(SystemState.Running, status.State);
        Assert.Contains(SiloC, moved.Fakes.State.Silos);
    }

    [Fact]
    public async Task A_restart_of_the_whole_cluster_resumes_the_run_when_none_of_its_silos_is_active()
    {
        await RunningWithCheckpointAsync();
        using var restarted = _rig.Restart();

        var status = await restarted.Operations.StartupAsync(SiloC);

        Assert.Contains("data: initialize from 1", restarted.Fakes.Calls);
        Assert.Equal(SystemState.Running, status.State);
        Assert.Equal(1, restarted.Fakes.State.Restarts);
    }

    [Fact]
    public async Task A_component_that_lost_its_state_starts_one_recovery_and_a_checkpoint_it_refuses_is_no_emergency()
    {
        var fakes = await RunningWithCheckpointAsync();
        var release = new TaskCompletionSource();
        fakes.Hold = release.Task;

        // Both reports come while the first one's recovery is still due.
        _rig.Operations.ReportComponentLost("tracker", "activated on silo C without its state");
        _rig.Operations.ReportComponentLost("execution", "activated on silo C without its state");
        release.SetResult();
        await fakes.IdleAsync();

        Assert.Equal(1, fakes.State.Recoveries);
        Assert.Empty(fakes.Stops);
    }

    [Fact]
    public async Task A_checkpoint_that_cannot_reach_a_components_silo_recovers_instead_of_taking_the_emergency_path()
    {
        var fakes = await RunningWithCheckpointAsync();
        fakes.FailCheckpoints("tracker", new SiloUnavailableException("silo C is gone"));

        var failed = await _rig.Operations.CheckpointAsync(new DateTime(2024, 1, 3, 1, 30, 0));
        await fakes.IdleAsync();

        Assert.False(failed.Committed);
        Assert.True(failed.SiloLost);
        Assert.Empty(fakes.Stops);
        Assert.Equal(1, fakes.State.Recoveries);
        Assert.Contains("tracker: initialize from 1 (recovery 1)", fakes.Calls);
    }

    [Fact]
    public async Task A_checkpoint_that_fails_for_another_reason_still_takes_the_emergency_path()
    {
        var fakes = await RunningWithCheckpointAsync();
        fakes.FailCheckpoints("tracker", new IOException("disk full"));

        var failed = await _rig.Operations.CheckpointAsync(new DateTime(2024, 1, 3, 1, 30, 0));
        await fakes.IdleAsync();

        Assert.False(failed.SiloLost);
        Assert.Equal(StopReason.Emergency, fakes.Stops.Single().Reason);
        Assert.Equal(0, fakes.State.Recoveries);
    }

    [Fact]
    public async Task No_recovery_runs_once_the_run_is_stopping()
    {
        var fakes = await RunningWithCheckpointAsync();
        await _rig.Operations.RequestShutdown(StopReason.Signal, "test");
        await fakes.IdleAsync();
        fakes.Calls.Clear();

        _rig.Operations.RequestRecovery(SiloB, "silo B left");
        await fakes.IdleAsync();

        Assert.Empty(fakes.Calls);
        Assert.Equal(0, fakes.State.Recoveries);
    }
}
