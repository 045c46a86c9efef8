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
    /// Each instrument's silo as the client's status shows it, after checking that all of the instrument's
    /// <paramref name="pipelineComponents"/> components are on that one silo, with the status read. Asked until every
    /// instrument's components are placed (a recovery may be moving them).
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
                var placed = status.Silos.SelectMany(s => s.Components.Select(c => (Component: c, s.Address)))
                    .Where(p => PipelineKey.InstrumentOf(p.Component) is not null).ToList();
                if (symbols.All(symbol => placed.Count(p => PipelineKey.InstrumentOf(p.Component) == symbol) == pipelineComponents))
                {
                    return (symbols.ToDictionary(symbol => symbol, symbol =>
                        Assert.Single(placed.Where(p => PipelineKey.InstrumentOf(p.Component) == symbol).Select(p => p.Address).Distinct())), status);
                }
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the client did not see every pipeline placed:\n{client}");
            await Task.Delay(250);
        }
    }

    public static string Describe(Dictionary<string, string> pipelines) => string.Join("\n", pipelines.Select(p => $"  {p.Key}: {p.Value}"));
}
