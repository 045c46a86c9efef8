using System.Net;
using AlgoSpace.Client.Connection;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// A real cluster on loopback as scripts/cluster.sh starts it: redis-server, the replay feed and two silo processes
/// on settings/cluster.yaml. The client finds it through the same settings file (the gateways listed in Redis), the
/// silos advertise 127.0.0.1, and `down` leaves no process behind.
/// </summary>
[Collection(Recovery.RecoveryCollection.Name)]
public sealed class ClusterScriptTests(ITestOutputHelper log)
{
    private static readonly TimeSpan MembershipDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Up_2_forms_one_cluster_advertising_loopback_that_status_lists_and_down_stops_entirely()
    {
        using var cluster = new ClusterScript();

        var up = await cluster.RunAsync("up", "2");
        log.WriteLine(up.Output);
        Assert.True(up.Code == 0, up.Output);
        Assert.Contains("up: 2 silos", up.Output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(cluster.Directory, "silo-2.out"), up.Output, StringComparison.Ordinal);

        var hosts = await ActiveSilosAsync(cluster);
        Assert.All(hosts, h => Assert.Equal(IPAddress.Loopback, h.SiloAddress.Endpoint.Address));
        Assert.Equal([cluster.SiloPort, cluster.SiloPort + 1], hosts.Select(h => h.SiloAddress.Endpoint.Port).Order());
        Assert.Equal([cluster.GatewayPort, cluster.GatewayPort + 1], hosts.Select(h => h.ProxyPort).Order());

        var status = await cluster.RunAsync("status");
        Assert.Equal(0, status.Code);
        Assert.Contains("silo 1: running", status.Output, StringComparison.Ordinal);
        Assert.Contains("silo 2: running", status.Output, StringComparison.Ordinal);
        Assert.Contains("redis: running", status.Output, StringComparison.Ordinal);
        Assert.Contains("feed: running", status.Output, StringComparison.Ordinal);

        var again = await cluster.RunAsync("up", "2");
        Assert.Equal(0, again.Code);
        Assert.Contains("already up with 2 silo(s)", again.Output, StringComparison.Ordinal);

        var pids = cluster.Pids();
        Assert.Equal(4, pids.Count);
        var down = await cluster.RunAsync("down");
        log.WriteLine(down.Output);
        Assert.True(down.Code == 0, down.Output);
        Assert.DoesNotContain(pids, ClusterScript.IsRunning);
        Assert.Empty(cluster.Pids());
        Assert.Contains("not up", (await cluster.RunAsync("status")).Output, StringComparison.Ordinal);
        Assert.Equal(0, (await cluster.RunAsync("down")).Code);
    }

    /// <summary>The active silos in Orleans' membership, read through a client that found the cluster in Redis.</summary>
    private static async Task<Orleans.MembershipEntry[]> ActiveSilosAsync(ClusterScript cluster)
    {
        var settings = ClusterSettingsFile.Read(RepositoryRoot.File("settings", "cluster.yaml"), name => name == "ALGOSPACE_REDIS" ? cluster.RedisConnection : null);
        await using var connection = await new OrleansClusterConnector(settings).ConnectAsync(CancellationToken.None);
        var management = connection.Grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + MembershipDeadline;
        while (true)
        {
            var hosts = await management.GetDetailedHosts(onlyActive: true);
            if (hosts.Length == 2) return hosts;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{hosts.Length} active silos after {MembershipDeadline}: {string.Join(", ", hosts.Select(h => h.SiloAddress))}");
            await Task.Delay(200);
        }
    }
}
