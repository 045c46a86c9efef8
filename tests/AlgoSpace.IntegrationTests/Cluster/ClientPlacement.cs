using System.Text.Json;
using AlgoSpace.Client;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Tests.Client;

namespace AlgoSpace.Tests.Cluster;

/// <summary>Where the client's `status --json` shows each instrument's pipeline, on a cluster the test started.</summary>
public static class ClientPlacement
{
    /// <summary>
    /// Each instrument's silo as the client's status shows it, once all of the instrument's
    /// <paramref name="pipelineComponents"/> components are on that one silo, with the status read. Asked until every
    /// instrument's components are placed and together (a recovery or a rebalance may be moving them: a move under way
    /// shows an instrument on two silos for a moment); past 60 s that is a failure.
    /// </summary>
    public static async Task<(Dictionary<string, string> Pipelines, SystemStatusReport Status)> ReadAsync(BacktestCluster cluster, IReadOnlyList<string> symbols, int pipelineComponents)
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
                if (symbols.All(symbol => silos.TryGetValue(symbol, out var placed) && placed.Count == pipelineComponents && placed.Silos.Count == 1))
                {
                    return (symbols.ToDictionary(symbol => symbol, symbol => silos[symbol].Silos[0]), status);
                }
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the client did not see every pipeline placed together on one silo:\n{client}");
            await Task.Delay(250);
        }
    }

    public static string Describe(Dictionary<string, string> pipelines) => string.Join("\n", pipelines.Select(p => $"  {p.Key}: {p.Value}"));
}
