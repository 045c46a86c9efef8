using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AlgoSpace.Client;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Tests.Client;
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

    private static readonly string[] Symbols = ["ES", "NQ", "CL"];

    /// <summary>An instrument's backtest pipeline: bars, indicators, three matrices, synergy, RDE, M-RMS, MARL core.</summary>
    private const int PipelineComponents = 9;

    [Fact]
    public async Task A_rolling_restart_of_every_silo_and_a_SIGKILL_end_with_the_trades_of_an_uninterrupted_run()
    {
        var expected = await DefaultJobBaseline.Portfolio.Value;
        // The run starts once the three silos are in (cluster.min_silos), so the instruments spread from the start.
        using var cluster = await BacktestCluster.StartRedisAsync(DefaultJobTree.PortfolioJob, minSilos: 3);
        foreach (var silo in new[] { 1, 2, 3 }) cluster.Start(silo);

        var ticks = FileTicks / 8;
        await cluster.WaitForTicksAsync(ticks);
        var first = await PipelinesAsync(cluster);
        log.WriteLine($"placement with silos 1-3:\n{Describe(first)}");
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
        var rolled = await PipelinesAsync(cluster);
        log.WriteLine($"placement after the rolling restart:\n{Describe(rolled)}");
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

    /// <summary>
    /// Each instrument's silo as the client's status shows it, once all of the instrument's components are on that one
    /// silo. Asked until every instrument's components are placed and together (a recovery or a rebalance may be moving
    /// them: a move under way shows an instrument on two silos for a moment); past 60 s that is a failure.
    /// </summary>
    internal static async Task<Dictionary<string, string>> PipelinesAsync(BacktestCluster cluster)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var client = new ClientHarness();
            foreach (var (name, value) in cluster.ClientEnvironment) client.Environment[name] = value;
            var code = await client.RunAsync("status", "--json", "--config", cluster.Tree.Settings);
            if (code == ClientExitCodes.Success)
            {
                var status = JsonSerializer.Deserialize<SystemStatusReport>(client.Out.ToString(), JsonOutput.Options)!;
                var silos = status.Silos.SelectMany(s => s.Components.Select(c => (Component: c, s.Address)))
                    .Where(p => PipelineKey.InstrumentOf(p.Component) is not null)
                    .GroupBy(p => PipelineKey.InstrumentOf(p.Component)!)
                    .ToDictionary(g => g.Key, g => (Count: g.Count(), Silos: g.Select(p => p.Address).Distinct().ToList()));
                if (Symbols.All(symbol => silos.TryGetValue(symbol, out var placed) && placed.Count == PipelineComponents && placed.Silos.Count == 1))
                {
                    return Symbols.ToDictionary(symbol => symbol, symbol => silos[symbol].Silos[0]);
                }
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the client did not see every pipeline placed together on one silo:\n{client}");
            await Task.Delay(250);
        }
    }

    internal static string Describe(Dictionary<string, string> pipelines) => string.Join("\n", pipelines.Select(p => $"  {p.Key}: {p.Value}"));
}
