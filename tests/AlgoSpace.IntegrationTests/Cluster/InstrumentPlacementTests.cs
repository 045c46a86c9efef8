using AlgoSpace.Grains.Placement;
using AlgoSpace.Tests.Kernel;
using AlgoSpace.Tests.Recovery;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// Placement by instrument on a real three-silo test cluster: the hosts of one instrument activate on one silo, and
/// three instruments on three silos, in the order of the settings' symbols; the hosts of the run itself, whose names
/// carry no instrument, are placed by Orleans' default, which is resource-optimised placement in Orleans 10.4.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class InstrumentPlacementTests(ITestOutputHelper log)
{
    private static readonly string[] Keys = ["bar_generator@ES", "indicator_engine@ES", "bar_generator@NQ", "bar_generator@CL"];

    [Fact]
    public async Task One_instrument_s_hosts_share_a_silo_and_three_instruments_take_three_silos()
    {
        // A portfolio of three symbols, each with its file (the test components never read them).
        var yaml = KernelYaml.System(extra: "symbols: [ES, NQ, CL]").Replace(
            "backtest_file: ../data/ticks.csv", "backtest_files: {ES: ../data/ticks.csv, NQ: ../data/ticks.csv, CL: ../data/ticks.csv}", StringComparison.Ordinal);
        Assert.Contains("backtest_files:", yaml, StringComparison.Ordinal);
        await using var system = await TestSystem.StartAsync(yaml, silos: 3);
        var management = system.Cluster.Client.GetGrain<IManagementGrain>(0);

        var where = new Dictionary<string, SiloAddress>();
        foreach (var key in Keys)
        {
            // Uninitialised hosts: they answer with empty counters, and the call is what activates them.
            var host = system.Component(key);
            Assert.Equal(0, (await host.GetCountersAsync()).Handled);
            where[key] = await management.GetActivationAddress(host) ?? throw new Xunit.Sdk.XunitException($"{key} has no activation");
            log.WriteLine($"{key} on {where[key]}");
        }

        Assert.Equal(where["bar_generator@ES"], where["indicator_engine@ES"]);
        SiloAddress[] instruments = [where["bar_generator@ES"], where["bar_generator@NQ"], where["bar_generator@CL"]];
        Assert.Equal(3, instruments.Distinct().Count());
        var silos = system.Cluster.Silos.Select(s => s.SiloAddress).Order(SiloAddressOrder.Instance);
        Assert.Equal(silos, instruments);

        // What portfolio-level hosts are handed to: Orleans' default placement on every silo.
        Assert.All(system.Cluster.Silos, silo => Assert.IsType<ResourceOptimizedPlacement>(silo.ServiceProvider.GetRequiredService<PlacementStrategy>()));
    }
}
