using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Tests.Recovery;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// The portfolio backtest (ES, NQ and CL) started on two silo processes sharing Redis, then a third silo joins while
/// it runs: at the next checkpoint the kernel moves the pipeline the placement rule gives the new silo there
/// (docs/architecture.md, "Silos joining and leaving"), as the client's status shows. The run must end with trades and
/// equity byte-identical to an uninterrupted one-silo run, every execution id once, and every silo's exit code 0.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class RebalanceTests(ITestOutputHelper log)
{
    /// <summary>From the third silo's start to its pipeline running: its start-up, the next checkpoint and the move.</summary>
    private static readonly TimeSpan MoveBound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_silo_that_joins_the_portfolio_takes_a_pipeline_and_the_run_trades_as_on_one_silo()
    {
        var expected = await DefaultJobBaseline.Portfolio.Value;
        using var cluster = await BacktestCluster.StartRedisAsync(DefaultJobTree.PortfolioJob, minSilos: 2);
        cluster.Start(1);
        cluster.Start(2);

        await cluster.WaitForTicksAsync(PortfolioClusterTests.FileTicks / 8);
        var before = (await ClientPlacement.ReadAsync(cluster, PortfolioClusterTests.Symbols, PortfolioClusterTests.PipelineComponents)).Pipelines;
        log.WriteLine($"placement with silos 1 and 2:\n{ClientPlacement.Describe(before)}");
        Assert.Equal(2, before.Values.Distinct().Count());

        var joined = Stopwatch.StartNew();
        cluster.Start(3);
        var after = await SpreadOverThreeAsync(cluster);
        var moved = joined.Elapsed;
        log.WriteLine($"placement after silo 3 joined:\n{ClientPlacement.Describe(after)}");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"silo 3 started to the three pipelines on three silos (client's status): {moved.TotalSeconds:0.0} s"));

        foreach (var number in new[] { 1, 2, 3 }) Assert.Equal(0, await cluster.ExitAsync(number));

        var all = string.Join("\n", cluster.Numbers.Select(cluster.Output));
        // The move's timeline, for docs/performance.md: the arrival seen, the rebalance queued at the next checkpoint, its steps.
        string[] milestones = ["has joined the cluster", "Rebalance queued", "Rebalance step", "Rebalanced after"];
        foreach (var line in all.Split('\n').Where(l => milestones.Any(m => l.Contains(m, StringComparison.Ordinal))).Distinct())
        {
            log.WriteLine(line.Trim());
        }

        // Moved, not recovered: the rebalance restores the checkpoint it has just committed.
        Assert.Contains("Rebalanced after", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Recovered after", all, StringComparison.Ordinal);
        cluster.AssertTradesOfOneSilo(expected, "with a silo joining");
    }

    /// <summary>Asks the client's status until the three instruments run on three silos, within <see cref="MoveBound"/>.</summary>
    private static async Task<Dictionary<string, string>> SpreadOverThreeAsync(BacktestCluster cluster)
    {
        var deadline = DateTime.UtcNow + MoveBound;
        while (true)
        {
            var pipelines = (await ClientPlacement.ReadAsync(cluster, PortfolioClusterTests.Symbols, PortfolioClusterTests.PipelineComponents)).Pipelines;
            if (pipelines.Values.Distinct().Count() == 3) return pipelines;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the joined silo took no pipeline within {MoveBound.TotalSeconds} s:\n{ClientPlacement.Describe(pipelines)}");
            }

            await Task.Delay(250);
        }
    }
}
