using System.Collections.Immutable;
using System.Net;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Silo.Lifecycle;

namespace AlgoSpace.Tests.Cluster;

/// <summary>What counts as a lost silo: Orleans' failures to reach one, and the membership changes the watcher reports.</summary>
public sealed class SiloLossTests
{
    [Fact]
    public void A_silo_that_cannot_be_reached_is_a_loss_also_when_wrapped_and_other_failures_are_not()
    {
        var unavailable = new SiloUnavailableException("silo S127.0.0.1:11112 is gone");

        Assert.True(SiloLoss.Is(unavailable));
        Assert.True(SiloLoss.Is(new InvalidOperationException("publish failed", unavailable)));
        Assert.True(SiloLoss.Is(new AggregateException(new TimeoutException(), new SiloUnavailableException())));
        Assert.False(SiloLoss.Is(new TimeoutException("slow handler")));
        Assert.False(SiloLoss.Is(new InvalidOperationException("a component's own bug", new ArgumentException("bad price"))));
    }

    private static readonly SiloAddress Self = Silo(11111);
    private static readonly SiloAddress Other = Silo(11112);
    private static readonly SiloAddress Third = Silo(11113);

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);

    private static ClusterMembershipSnapshot Snapshot(long version, params (SiloAddress Silo, SiloStatus Status)[] members) =>
        new(members.ToImmutableDictionary(m => m.Silo, m => new ClusterMember(m.Silo, m.Status, $"silo-{m.Silo.Endpoint.Port}")), new MembershipVersion(version));

    [Fact]
    public void The_watcher_reports_a_member_that_died_or_left_once_and_never_itself_or_an_old_death()
    {
        var before = Snapshot(1, (Self, SiloStatus.Active), (Other, SiloStatus.Active), (Third, SiloStatus.Dead));
        var killed = Snapshot(2, (Self, SiloStatus.Active), (Other, SiloStatus.Dead), (Third, SiloStatus.Dead));
        var leaving = Snapshot(2, (Self, SiloStatus.Active), (Other, SiloStatus.ShuttingDown), (Third, SiloStatus.Dead));
        var selfDead = Snapshot(3, (Self, SiloStatus.Dead), (Other, SiloStatus.Dead), (Third, SiloStatus.Dead));

        Assert.Equal([Other], ClusterWatcher.Gone(before, killed, Self).Select(m => m.SiloAddress));
        Assert.Empty(ClusterWatcher.Gone(before, leaving, Self));
        Assert.Equal([Other], ClusterWatcher.Gone(leaving, killed, Self).Select(m => m.SiloAddress));
        Assert.Empty(ClusterWatcher.Gone(killed, selfDead, Self));
    }

    [Fact]
    public void The_watcher_reports_a_silo_that_turned_active_once_and_never_itself()
    {
        var before = Snapshot(1, (Self, SiloStatus.Active), (Other, SiloStatus.Active));
        var joining = Snapshot(2, (Self, SiloStatus.Active), (Other, SiloStatus.Active), (Third, SiloStatus.Joining));
        var joined = Snapshot(3, (Self, SiloStatus.Active), (Other, SiloStatus.Active), (Third, SiloStatus.Active));

        Assert.Empty(ClusterWatcher.Joined(before, joining, Self));
        Assert.Equal([Third], ClusterWatcher.Joined(joining, joined, Self).Select(m => m.SiloAddress));
        Assert.Equal([Third], ClusterWatcher.Joined(before, joined, Self).Select(m => m.SiloAddress));
        Assert.Empty(ClusterWatcher.Joined(joined, joined, Self));
        Assert.DoesNotContain(ClusterWatcher.Joined(Snapshot(0, (Other, SiloStatus.Active)), joined, Self), m => m.SiloAddress.Equals(Self));
    }
}
