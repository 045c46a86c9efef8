using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Tests.Recovery;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// The portfolio backtest (settings/portfolio.yaml: ES, NQ and CL) on three silo processes sharing Redis, through a
/// rolling restart of every silo in turn (SIGTERM, each replaced by a new one) and then a SIGKILL. The client's
/// status shows each instrument's pipeline together on one silo, the three on three silos, and the pipelines moved
/// off the silos that left. The run must end with trades and equity byte-identical to an uninterrupted one-silo
/// run, every execution id once, and every silo's exit code 0.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class PortfolioClusterTests(ITestOutputHelper log)
{
    /// <summary>Ticks in the three files of data/sample/portfolio.</summary>
    internal const int FileTicks = 360_256;

    internal static readonly string[] Symbols = ["ES", "NQ", "CL"];

    /// <summary>An instrument's backtest pipeline: bars, indicators, three matrices, synergy, RDE, M-RMS, MARL core.</summary>
    internal const int PipelineComponents = 9;

    [Fact]
    public async Task A_rolling_restart_of_every_silo_and_a_SIGKILL_end_with_the_trades_of_an_uninterrupted_run()
    {
        var expected = await DefaultJobBaseline.Portfolio.Value;
        // The run starts once the three silos are in (cluster.min_silos), so the instruments spread from the start.
        using var cluster = await BacktestCluster.StartRedisAsync(DefaultJobTree.PortfolioJob, minSilos: 3);
        foreach (var silo in new[] { 1, 2, 3 }) cluster.Start(silo);

        var ticks = FileTicks / 8;
        await cluster.WaitForTicksAsync(ticks);
        var first = (await ClientPlacement.ReadAsync(cluster, Symbols, PipelineComponents)).Pipelines;
        log.WriteLine($"placement with silos 1-3:\n{ClientPlacement.Describe(first)}");
        Assert.Equal(3, first.Values.Distinct().Count());

        // Rolling: every silo in turn is stopped gracefully and a new one takes its place.
        foreach (var (leaving, joining) in new[] { (1, 4), (2, 5), (3, 6) })
        {
            ticks += FileTicks / 8;
            await cluster.WaitForTicksAsync(ticks);
            cluster.Silo(leaving).Signal(RunInterrupter.Sigterm);
            cluster.Start(joining);
            Assert.Equal(0, await cluster.ExitAsync(leaving));
        }

        ticks += FileTicks / 16;
        await cluster.WaitForTicksAsync(ticks);
        var rolled = (await ClientPlacement.ReadAsync(cluster, Symbols, PipelineComponents)).Pipelines;
        log.WriteLine($"placement after the rolling restart:\n{ClientPlacement.Describe(rolled)}");
        Assert.All(rolled.Values, silo => Assert.DoesNotContain(silo, first.Values));

        // A lost machine: no goodbye, the survivors must notice.
        var killed = Stopwatch.StartNew();
        cluster.Silo(4).Signal(RunInterrupter.Sigkill);
        await cluster.ExitAsync(4);
        Assert.Equal(0, await cluster.ExitAsync(5));
        Assert.Equal(0, await cluster.ExitAsync(6));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SIGKILL to the end of the run: {killed.Elapsed.TotalSeconds:0.0} s"));

        var outputs = cluster.Numbers.ToDictionary(n => n, cluster.Output);
        foreach (var number in new[] { 1, 2, 3 }) Assert.Contains("Run handed over", outputs[number], StringComparison.Ordinal);

        var resumed = cluster.AssertTradesOfOneSilo(expected, "after the rolling restart and the kill");
        Assert.Contains(resumed.ExecutionIds, id => id.StartsWith("EX_NQ_", StringComparison.Ordinal));
    }

}
