using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Tests.Kernel;

/// <summary>
/// The kernel's side of a silo that joins a portfolio under way, without Orleans: at the next snapshot-policy
/// checkpoint the pipelines the placement rule gives the new silo move there (stop data, drain, commit, release the
/// hosts that move, restore every component from that checkpoint); with one symbol, or nothing to move, the
/// checkpoint is taken as always.
/// </summary>
public sealed class KernelRebalanceTests : IDisposable
{
    private const string SiloA = "S127.0.0.1:11111:1";
    private const string SiloB = "S127.0.0.1:11112:1";

    private static readonly DateTime FirstDay = new(2024, 1, 2, 1, 30, 0);
    private static readonly DateTime SecondDay = new(2024, 1, 3, 1, 30, 0);

    private KernelRig _rig = new(symbols: ["ES", "NQ"]);

    public void Dispose() => _rig.Dispose();

    /// <summary>The run under way on silo A alone, every host there, checkpoint 1 committed.</summary>
    private async Task<KernelFakes> RunningOnOneSiloAsync()
    {
        _rig.Fakes.ActiveSilos.Add(SiloA);
        await _rig.Operations.StartupAsync(SiloA);
        Assert.True((await _rig.Operations.CheckpointAsync(FirstDay)).Committed);
        _rig.Fakes.Calls.Clear();
        return _rig.Fakes;
    }

    /// <summary>Silo B is active and reported joined; a host released now lands there.</summary>
    private void SiloBJoins(KernelFakes fakes)
    {
        fakes.ActiveSilos.Add(SiloB);
        fakes.PlaceReleased = _ => SiloB;
        _rig.Operations.NoteSiloJoined(SiloB);
    }

    [Fact]
    public async Task A_joined_silo_takes_its_instruments_pipeline_at_the_next_checkpoint_restored_from_that_checkpoint()
    {
        var fakes = await RunningOnOneSiloAsync();

        // Every other silo reports the arrival; the kernel acts once, at the next checkpoint.
        SiloBJoins(fakes);
        _rig.Operations.NoteSiloJoined(SiloB);
        Assert.True(_rig.Operations.RebalanceDue);
        Assert.Empty(fakes.Calls);

        var taken = await _rig.Operations.CheckpointAsync(SecondDay);
        await fakes.IdleAsync();

        Assert.False(taken.Committed);
        Assert.Equal(
            ["data: stop data",
             "data: checkpoint 2", "bars@ES: checkpoint 2", "bars@NQ: checkpoint 2", "execution: checkpoint 2", "tracker: checkpoint 2",
             "bars@NQ: release",
             "data: initialize from 2 (recovery 1)", "bars@ES: initialize from 2 (recovery 1)", "bars@NQ: initialize from 2 (recovery 1)",
             "execution: initialize from 2 (recovery 1)", "tracker: initialize from 2 (recovery 1)",
             "data: wire", "bars@ES: wire", "bars@NQ: wire", "execution: wire", "tracker: wire",
             "bars@ES: start", "bars@NQ: start", "execution: start", "tracker: start", "data: start", "kernel: sampling"],
            fakes.Calls);
        Assert.Equal(2, fakes.Commits[^1].Epoch);
        Assert.Equal(SecondDay, fakes.Commits[^1].SimTime);
        Assert.Equal(SystemState.Running, _rig.Record.Current);
        Assert.Equal(1, fakes.State.Rebalances);
        Assert.Equal(0, fakes.State.Recoveries);
        Assert.Contains(fakes.State.Transitions, t => t.To == SystemState.Recovering && t.Cause.StartsWith("rebalance 1 of run", StringComparison.Ordinal));
        Assert.False(_rig.Operations.RebalanceDue);
        Assert.False(_rig.Operations.RecoveryPending);
        Assert.Empty(fakes.Stops);

        // Done: the checkpoint after is an ordinary one.
        fakes.Calls.Clear();
        Assert.True((await _rig.Operations.CheckpointAsync(SecondDay.AddDays(1))).Committed);
        Assert.DoesNotContain(fakes.Calls, c => c.EndsWith("release", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recovery_after_a_rebalance_restores_again_with_a_new_restore_count()
    {
        var fakes = await RunningOnOneSiloAsync();
        SiloBJoins(fakes);
        await _rig.Operations.CheckpointAsync(SecondDay);
        await fakes.IdleAsync();
        fakes.Calls.Clear();

        _rig.Operations.RequestRecovery(SiloB, "silo B left the cluster");
        await fakes.IdleAsync();

        Assert.Contains("bars@NQ: initialize from 2 (recovery 2)", fakes.Calls);
        Assert.Equal((1, 1), (fakes.State.Recoveries, fakes.State.Rebalances));
    }

    [Fact]
    public async Task A_silo_this_kernel_does_not_see_active_yet_waits_for_a_later_checkpoint()
    {
        var fakes = await RunningOnOneSiloAsync();
        fakes.PlaceReleased = _ => SiloB;

        _rig.Operations.NoteSiloJoined(SiloB);
        Assert.True((await _rig.Operations.CheckpointAsync(SecondDay)).Committed);
        Assert.True(_rig.Operations.RebalanceDue);

        fakes.ActiveSilos.Add(SiloB);
        Assert.False((await _rig.Operations.CheckpointAsync(SecondDay.AddDays(1))).Committed);
        await fakes.IdleAsync();
        Assert.Contains("bars@NQ: release", fakes.Calls);
    }

    [Fact]
    public async Task Nothing_moves_when_the_joined_silo_changes_no_instruments_silo()
    {
        var fakes = await RunningOnOneSiloAsync();
        // A silo that sorts after A and B: ES stays on A, NQ is already on B.
        const string siloC = "S127.0.0.1:11113:1";
        fakes.ActiveSilos.Add(SiloB);
        fakes.Place("bars@NQ", SiloB);
        Assert.True((await _rig.Operations.CheckpointAsync(SecondDay)).Committed);
        fakes.Calls.Clear();

        fakes.ActiveSilos.Add(siloC);
        _rig.Operations.NoteSiloJoined(siloC);
        Assert.True((await _rig.Operations.CheckpointAsync(SecondDay.AddDays(1))).Committed);
        await fakes.IdleAsync();

        Assert.False(_rig.Operations.RebalanceDue);
        Assert.DoesNotContain(fakes.Calls, c => c.Contains("release", StringComparison.Ordinal) || c.Contains("initialize", StringComparison.Ordinal));
        Assert.Equal(0, fakes.State.Rebalances);
    }

    [Fact]
    public async Task With_one_symbol_a_joined_silo_changes_nothing()
    {
        _rig.Dispose();
        _rig = new KernelRig();
        var fakes = await RunningOnOneSiloAsync();
        fakes.ActiveSilos.Add(SiloB);

        _rig.Operations.NoteSiloJoined(SiloB);

        Assert.False(_rig.Operations.RebalanceDue);
        Assert.True((await _rig.Operations.CheckpointAsync(SecondDay)).Committed);
        await fakes.IdleAsync();
        Assert.Equal(0, fakes.State.Rebalances);
    }
}
