using AlgoSpace.Grains.Kernel;

namespace AlgoSpace.Tests.Kernel;

/// <summary>
/// The operator's status lists the cluster's silos with the components each holds, from what the hosts report and
/// the membership table, without Orleans (<see cref="KernelRig"/>).
/// </summary>
public sealed class OperatorStatusSilosTests : IDisposable
{
    private const string One = "S127.0.0.1:11111:1";
    private const string Two = "S127.0.0.1:11112:2";
    private static readonly DateTime Started = DateTime.UtcNow.AddMinutes(-10);

    private readonly KernelRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task Status_lists_each_silo_with_the_components_its_hosts_run_and_each_component_with_its_silo()
    {
        await _rig.Operations.StartupAsync(One);
        _rig.Fakes.Silos.AddRange([new SiloMember(One, "silo-1", "Active", Started, Started), new SiloMember(Two, "silo-2", "Active", Started.AddMinutes(1), Started)]);
        _rig.Fakes.Place("data", Two);
        _rig.Fakes.Place("execution", One);
        _rig.Fakes.Place("tracker", Two);

        var status = await _rig.Desk.GetSystemStatusAsync(One);

        Assert.Equal([(One, "silo-1", "Active"), (Two, "silo-2", "Active")], status.Silos.Select(s => (s.Address, s.Name, s.Status)));
        Assert.Equal(["execution"], status.Silos[0].Components);
        Assert.Equal(["data", "tracker"], status.Silos[1].Components);
        Assert.Equal([("data", Two), ("execution", One), ("tracker", Two)], status.Components.Select(c => (c.Name, c.Silo)));
    }

    [Fact]
    public async Task When_a_silo_leaves_its_components_show_under_the_silo_that_remains_and_the_gone_silo_holds_none()
    {
        await _rig.Operations.StartupAsync(One);
        _rig.Fakes.Silos.AddRange([new SiloMember(One, "silo-1", "Active", Started, Started), new SiloMember(Two, "silo-2", "Active", Started.AddMinutes(1), Started)]);
        _rig.Fakes.Place("data", Two);
        Assert.Equal(["data"], (await _rig.Desk.GetSystemStatusAsync(One)).Silos[1].Components);

        // Silo 2 left: its row says Dead, and the hosts answer from silo 1 now.
        _rig.Fakes.Silos[1] = _rig.Fakes.Silos[1] with { Status = SiloMember.Dead, ChangedUtc = DateTime.UtcNow };
        _rig.Fakes.Place("data", One);
        var status = await _rig.Desk.GetSystemStatusAsync(One);

        Assert.Equal([(One, "Active"), (Two, "Dead")], status.Silos.Select(s => (s.Address, s.Status)));
        Assert.Equal(["data", "execution", "tracker"], status.Silos[0].Components);
        Assert.Empty(status.Silos[1].Components);
    }

    [Fact]
    public async Task A_membership_table_that_cannot_be_read_leaves_the_silos_unknown_and_the_status_answers()
    {
        await _rig.Operations.StartupAsync(One);
        _rig.Fakes.MembershipUnreadable = true;
        _rig.Fakes.Place("tracker", null);

        var status = await _rig.Desk.GetSystemStatusAsync(One);

        var silo = Assert.Single(status.Silos);
        Assert.Equal((One, SiloRoster.Unknown), (silo.Address, silo.Status));
        Assert.Equal(["data", "execution"], silo.Components);
        Assert.Null(status.Components.Single(c => c.Name == "tracker").Silo);
    }
}
