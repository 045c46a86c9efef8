using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Client.Connection;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Silo.Configuration;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// The membership timings of settings/cluster.yaml measured on a real cluster: scripts/cluster.sh up 3 (redis-server,
/// the replay feed and three silo processes on loopback), one silo killed with SIGKILL, and the time until the
/// survivors have written its death in the membership table; then that the survivors restore the live run (the feed is
/// read again, the gap reported) and stop it gracefully. docs/performance.md, "Cluster: a killed silo declared dead",
/// records the figures.
/// </summary>
[Collection(Recovery.RecoveryCollection.Name)]
public sealed class SiloDeathTests(ITestOutputHelper log)
{
    private static readonly TimeSpan FormDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Scheduling on a busy 2-core machine, the vote's write to Redis and this test's polling.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_silo_killed_with_SIGKILL_is_declared_dead_within_the_bound_of_the_membership_settings_and_the_survivors_restore_the_live_run()
    {
        using var cluster = new ClusterScript(silos: 3);
        var membership = MembershipOf(cluster);

        // The slowest detection the settings allow: every probe of a host Orleans sees as degraded times out after
        // four times probe_timeout (ClusterRules.MaxProbeTimeoutFactor), plus a table refresh for the second voter
        // to see the first vote. With the defaults: 3 x 2 s x 4 + 10 s + 5 s = 39 s.
        var bound = TimeSpan.FromSeconds(membership.MissedProbes * membership.ProbeTimeout * ClusterRules.MaxProbeTimeoutFactor
            + membership.TableRefreshInterval) + Margin;

        var up = await cluster.RunAsync("up", "3");
        log.WriteLine(up.Output);
        Assert.True(up.Code == 0, up.Output);

        var settings = ClusterSettingsFile.Read(RepositoryRoot.File("settings", "cluster.yaml"), name => name == "ALGOSPACE_REDIS" ? cluster.RedisConnection : null);
        await using var connection = await new OrleansClusterConnector(settings).ConnectAsync(CancellationToken.None);
        var management = connection.Grains.GetGrain<IManagementGrain>(0);

        var formed = await PollAsync(management, FormDeadline, hosts => hosts.Count(h => h.Status == SiloStatus.Active) == 3);
        Assert.True(formed is not null, $"the three silos were not all active within {FormDeadline}");

        // Silo 2: neither the first silo started nor the last, and the client has gateways on both others.
        var victim = formed.Single(h => h.SiloAddress.Endpoint.Port == cluster.SiloPort + 1).SiloAddress;
        var survivors = formed.Select(h => h.SiloAddress).Where(a => !a.Equals(victim)).ToArray();
        var victimPid = SiloPid(cluster, 2);
        using var victimProcess = System.Diagnostics.Process.GetProcessById(victimPid);
        Assert.Contains("AlgoSpace.Silo.dll", File.ReadAllText($"/proc/{victimPid}/cmdline"), StringComparison.Ordinal);

        var killedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        victimProcess.Kill(); // SIGKILL on Unix: no shutdown, no goodbye to the membership table
        Assert.True(victimProcess.WaitForExit(TimeSpan.FromSeconds(10)), $"silo 2 (pid {victimPid}) still runs 10 s after SIGKILL");
        log.WriteLine($"silo 2 ({victim}, pid {victimPid}) killed with SIGKILL at {killedAt:HH:mm:ss.fff} UTC");

        var declared = await PollAsync(management, PollDeadline, hosts => hosts.Any(h => h.SiloAddress.Equals(victim) && h.Status != SiloStatus.Active));
        var elapsed = clock.Elapsed;
        Assert.True(declared is not null, $"silo 2 was still active in the membership table {PollDeadline} after SIGKILL (bound {bound.TotalSeconds:0} s)");

        var dead = declared.Single(h => h.SiloAddress.Equals(victim));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"declared {dead.Status} {elapsed.TotalSeconds:0.0} s after SIGKILL (bound {bound.TotalSeconds:0} s: missed_probes {membership.MissedProbes} x probe_timeout {membership.ProbeTimeout} s x {ClusterRules.MaxProbeTimeoutFactor} + table_refresh_interval {membership.TableRefreshInterval} s + {Margin.TotalSeconds:0} s)"));
        foreach (var (voter, time) in dead.SuspectTimes ?? [])
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  vote by {voter} at {(time - killedAt).TotalSeconds:0.0} s"));
        }

        Assert.Equal(SiloStatus.Dead, dead.Status);
        Assert.True(elapsed <= bound, $"declared dead {elapsed.TotalSeconds:0.0} s after SIGKILL, more than the bound of {bound.TotalSeconds:0} s");

        // The survivors stay: still active in the table, and their processes still run.
        var active = await PollAsync(management, PollDeadline, hosts => true);
        Assert.NotNull(active);
        Assert.Equal(survivors.Order(), active.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).Order());
        Assert.True(ClusterScript.IsRunning(SiloPid(cluster, 1)), "silo 1 exited after silo 2 was killed");
        Assert.True(ClusterScript.IsRunning(SiloPid(cluster, 3)), "silo 3 exited after silo 2 was killed");

        // And the live run goes on: the kernel restores it on the survivors from its last checkpoint, the data handler
        // reads the feed again, and the window in which nobody read it is reported as a gap.
        await WaitForSurvivorLogAsync(cluster, $"Recovered after silo {victim}");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recovered {clock.Elapsed.TotalSeconds:0.0} s after SIGKILL"));
        Assert.Contains("Live data gap: the feed was not read", SurvivorLogs(cluster), StringComparison.Ordinal);
        var kernel = connection.Grains.GetGrain<IKernelOperatorGrain>(KernelKeys.Kernel);
        var first = await PublishedAsync(kernel);
        var reading = Stopwatch.StartNew();
        while (await PublishedAsync(kernel) <= first)
        {
            Assert.True(reading.Elapsed < PollDeadline, $"the data handler published no tick in {PollDeadline} after the recovery");
            await Task.Delay(PollInterval);
        }

        var down = await cluster.RunAsync("down");
        Assert.True(down.Code == 0, down.Output);
        foreach (var silo in new[] { 1, 3 })
        {
            var output = await File.ReadAllTextAsync(Path.Combine(cluster.Directory, $"silo-{silo}.out"));
            Assert.True(output.Contains("AlgoSpace stopped with exit code 0", StringComparison.Ordinal),
                $"silo {silo} did not stop with exit code 0. The script said:\n{down.Output}\nThe end of its log:\n{string.Join('\n', output.Split('\n').TakeLast(80))}");
        }
    }

    /// <summary>Ticks the data handler has published since its last restore, as the kernel's status reports them.</summary>
    private static async Task<long> PublishedAsync(IKernelOperatorGrain kernel) =>
        (await kernel.GetSystemStatusAsync().WaitAsync(CallTimeout)).Components.Single(c => c.Name == "data_handler").Sent;

    private static string SurvivorLogs(ClusterScript cluster) =>
        string.Join("\n", new[] { 1, 3 }.Select(silo => File.ReadAllText(Path.Combine(cluster.Directory, $"silo-{silo}.out"))));

    private static async Task WaitForSurvivorLogAsync(ClusterScript cluster, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!SurvivorLogs(cluster).Contains(text, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < PollDeadline, $"no survivor logged '{text}' within {PollDeadline}:\n{SurvivorLogs(cluster)[^4000..]}");
            await Task.Delay(PollInterval);
        }
    }

    private static MembershipSettings MembershipOf(ClusterScript cluster)
    {
        var environment = new Dictionary<string, string>
        {
            ["ALGOSPACE_REDIS"] = cluster.RedisConnection,
            ["ALGOSPACE_SILO_PORT"] = cluster.Environment["ALGOSPACE_CLUSTER_SILO_PORT"],
            ["ALGOSPACE_GATEWAY_PORT"] = cluster.Environment["ALGOSPACE_CLUSTER_GATEWAY_PORT"],
            ["ALGOSPACE_HTTP_PORT"] = cluster.Environment["ALGOSPACE_CLUSTER_HTTP_PORT"],
        };
        var loaded = SettingsLoader.Load(RepositoryRoot.File("settings", "cluster.yaml"), environment: environment.GetValueOrDefault);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        return loaded.Settings!.Cluster.Membership;
    }

    private static int SiloPid(ClusterScript cluster, int silo) =>
        int.Parse(File.ReadAllText(Path.Combine(cluster.Directory, $"silo-{silo}.pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>
    /// The membership table (the management grain reads it from Redis on each call) once it satisfies the condition,
    /// or null at the deadline. A call may fail or hang while the killed silo held the management grain or the
    /// client's gateway: each is bounded and retried.
    /// </summary>
    private async Task<MembershipEntry[]?> PollAsync(IManagementGrain management, TimeSpan deadline, Func<MembershipEntry[], bool> condition)
    {
        var clock = Stopwatch.StartNew();
        string? lastFailure = null;
        while (clock.Elapsed < deadline)
        {
            try
            {
                var hosts = await management.GetDetailedHosts(onlyActive: false).WaitAsync(CallTimeout);
                if (condition(hosts)) return hosts;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var failure = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
                if (failure != lastFailure) log.WriteLine($"  membership read failed at {clock.Elapsed.TotalSeconds:0.0} s, retrying: {failure}");
                lastFailure = failure;
            }

            await Task.Delay(PollInterval);
        }

        return null;
    }
}
