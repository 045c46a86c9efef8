using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Tests.Recovery;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// The default backtest on three silo processes sharing Redis, taken through what a Kubernetes rolling update and a
/// lost machine do to it: silo 1 and then silo 2 get SIGTERM while the run is under way, each replaced by a new silo,
/// and then silo 3 is killed with SIGKILL. Each leaving silo hands the run over (a checkpoint at a quiescent point);
/// after the kill the survivors restore the run from its last checkpoint and replay. The run must end with trades and
/// equity byte-identical to an uninterrupted one-silo run, every order once, and every silo's exit code 0.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper log)
{
    /// <summary>Ticks in the default job's file (data/sample/ES-ticks-eth-20d.csv.gz).</summary>
    private const int FileTicks = 319_837;

    [Fact]
    public async Task A_rolling_restart_with_SIGTERM_and_a_silo_killed_with_SIGKILL_end_with_the_trades_of_an_uninterrupted_run()
    {
        var expected = await DefaultJobBaseline.Uninterrupted.Value;
        using var cluster = await BacktestCluster.StartRedisAsync();
        foreach (var silo in new[] { 1, 2, 3 }) cluster.Start(silo);

        // Rolling: each of the first two silos is stopped gracefully and a new one takes its place.
        await cluster.WaitForTicksAsync(FileTicks / 5);
        cluster.Silo(1).Signal(RunInterrupter.Sigterm);
        cluster.Start(4);
        Assert.Equal(0, await cluster.ExitAsync(1));

        await cluster.WaitForTicksAsync(FileTicks * 2 / 5);
        cluster.Silo(2).Signal(RunInterrupter.Sigterm);
        cluster.Start(5);
        Assert.Equal(0, await cluster.ExitAsync(2));

        // A lost machine: no goodbye, the survivors must notice.
        await cluster.WaitForTicksAsync(FileTicks * 3 / 5);
        var before = Recoveries(cluster);
        var killed = Stopwatch.StartNew();
        cluster.Silo(3).Signal(RunInterrupter.Sigkill);
        await cluster.ExitAsync(3);
        var recovered = await WhenRecoveredAsync(cluster, before, killed);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIGKILL to trading again: {recovered.TotalSeconds:0.0} s"));

        Assert.Equal(0, await cluster.ExitAsync(4));
        Assert.Equal(0, await cluster.ExitAsync(5));
        var outputs = cluster.Numbers.ToDictionary(n => n, cluster.Output);
        foreach (var (number, output) in outputs) log.WriteLine($"--- silo {number}\n{Milestones(output)}");

        // Each leaving silo handed the run over; a recovery after each departure, none of them a new run or an
        // emergency. (A component that finds its silo gone may start a recovery before the membership reports the
        // death, which then recovers once more: correct, so not counted exactly.)
        Assert.Contains("Run handed over", outputs[1], StringComparison.Ordinal);
        Assert.Contains("Run handed over", outputs[2], StringComparison.Ordinal);
        Assert.True(Recoveries(cluster) >= 3, $"{Recoveries(cluster)} recoveries for three departures");

        var resumed = cluster.AssertTradesOfOneSilo(expected, "after the rolling restart and the kill");
        Assert.True(resumed.ExecutionIds.Count >= 3, resumed.Trades);
    }

    /// <summary>The recoveries completed so far, as the kernel logged them (wherever it ran).</summary>
    private static int Recoveries(BacktestCluster cluster) =>
        cluster.Numbers.Sum(n => cluster.Output(n).Split('\n').Count(l => l.Contains("KernelOperations[228] Recovered after", StringComparison.Ordinal)));

    /// <summary>Waits until a recovery more than <paramref name="before"/> has completed; returns the time since <paramref name="killed"/> started.</summary>
    private static async Task<TimeSpan> WhenRecoveredAsync(BacktestCluster cluster, int before, Stopwatch killed)
    {
        var deadline = DateTime.UtcNow + BacktestCluster.RunTimeout;
        while (Recoveries(cluster) <= before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("no survivor recovered the run after the kill:\n"
                    + string.Join("\n", cluster.Numbers.Select(n => $"--- silo {n}\n{Milestones(cluster.Output(n))}")));
            }
            await Task.Delay(20);
        }

        return killed.Elapsed;
    }

    /// <summary>The lines that tell the story of the run: kernel operations, hand-overs, recoveries, the exit.</summary>
    private static string Milestones(string output) => string.Join("\n", output.Split('\n').Where(l =>
        l.Contains("handed over", StringComparison.Ordinal) || l.Contains("Recover", StringComparison.Ordinal)
        || l.Contains("has left the cluster", StringComparison.Ordinal) || l.Contains("joins run", StringComparison.Ordinal)
        || l.Contains("stopped with exit code", StringComparison.Ordinal) || (l.Contains("warn:", StringComparison.Ordinal) || l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal))
            && l.Contains("AlgoSpace", StringComparison.Ordinal)));
}
