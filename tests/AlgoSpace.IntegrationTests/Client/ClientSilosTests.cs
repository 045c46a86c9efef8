using System.Text.Json;
using AlgoSpace.Client;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Client;

/// <summary>
/// `status` on a real two-silo test cluster: the silos and the components each holds, checked against where Orleans
/// says each component's grain is, and the components seen to move when the silo holding them leaves.
/// </summary>
public sealed class ClientSilosTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Status_on_two_silos_lists_both_and_every_component_under_the_silo_that_runs_it()
    {
        await using var system = await ClientCluster.StartAsync(silos: 2);
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var client = system.Client();

        Assert.Equal(ClientExitCodes.Success, await client.RunAsync("status", "--json"));
        var status = JsonSerializer.Deserialize<SystemStatusReport>(client.Out.ToString(), JsonOutput.Options)!;
        log.WriteLine(client.Out.ToString());

        var silos = system.System.Cluster.Silos.Select(s => s.SiloAddress.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, silos.Count);
        Assert.Equal(silos, status.Silos.Select(s => s.Address).Order(StringComparer.Ordinal));
        Assert.All(status.Silos, s => Assert.Equal("Active", s.Status));
        Assert.Contains(status.SiloAddress, silos);
        Assert.Equal(["execution", "recorder", "source"], status.Components.Select(c => c.Name).Order(StringComparer.Ordinal));
        var management = system.System.Cluster.Client.GetGrain<IManagementGrain>(0);
        foreach (var component in status.Components)
        {
            // Under exactly one silo: the one the component's host named, where Orleans says its grain is.
            var holder = Assert.Single(status.Silos, s => s.Components.Contains(component.Name));
            Assert.Equal(component.Silo, holder.Address);
            var actual = await management.GetActivationAddress(system.System.Component(component.Name));
            Assert.Equal(actual?.ToString(), holder.Address);
        }

        Assert.All(status.Silos, s => Assert.Equal(s.Components.Count, s.Components.Distinct().Count()));

        // The plain text: one row per silo, its status and the count of what it holds.
        var plain = system.Client();
        Assert.Equal(ClientExitCodes.Success, await plain.RunAsync("status"));
        log.WriteLine(plain.Out.ToString());
        var lines = plain.Out.ToString().Split('\n');
        var title = Array.IndexOf(lines, "Silos");
        Assert.True(title > 0, plain.ToString());
        Assert.Equal(["SILO", "NAME", "STATUS", "SINCE", "COMPONENTS", "HOLDS"], Words(lines[title + 1]));
        foreach (var silo in status.Silos)
        {
            var row = Assert.Single(lines[(title + 2)..(title + 4)], l => l.TrimStart().StartsWith(silo.Address + " ", StringComparison.Ordinal));
            Assert.Contains(" Active ", row, StringComparison.Ordinal);
            Assert.Contains($"  {silo.Components.Count}  ", row + "  ", StringComparison.Ordinal);
            Assert.EndsWith(string.Join(", ", silo.Components), row.TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task When_the_silo_holding_the_components_leaves_status_shows_it_dead_and_the_components_on_the_silo_that_remains()
    {
        // File state, shared by both silos: the kernel's record and the checkpoint outlive the silo that leaves.
        await using var system = await ClientCluster.StartAsync(silos: 2, persistence: "file");
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var before = await system.Operator.GetSystemStatusAsync();
        log.WriteLine("before:\n" + Describe(before));
        // The silo that holds the most components leaves (the kernel places its hosts on its own silo when it can).
        var leaving = before.Silos.OrderByDescending(s => s.Components.Count).First().Address;
        var first = system.Client();
        Assert.Equal(ClientExitCodes.Success, await first.RunAsync("status"));
        log.WriteLine(first.Out.ToString());
        var remaining = before.Silos.Single(s => s.Address != leaving).Address;
        Assert.NotEmpty(before.Silos.Single(s => s.Address == leaving).Components);

        await system.System.Cluster.StopSiloAsync(system.System.Cluster.Silos.Single(s => s.SiloAddress.ToString() == leaving));

        var after = await PollAsync(system, s =>
            s.Silos.Any(silo => silo.Address == leaving && silo.Status == "Dead")
            && s.Components.Count == 3 && s.Components.All(c => c.Silo == remaining), "the silo to be dead and its components moved");
        log.WriteLine("after:\n" + Describe(after));
        var plain = system.Client();
        Assert.Equal(ClientExitCodes.Success, await plain.RunAsync("status"));
        log.WriteLine(plain.Out.ToString());
        Assert.Contains(plain.Out.ToString().Split('\n'), l => Words(l) is [var address, _, "Dead", _, _, "0"] && address == leaving);
        Assert.Equal([(remaining, "Active"), (leaving, "Dead")], after.Silos.Select(s => (s.Address, s.Status)));
        Assert.Equal(["execution", "recorder", "source"], after.Silos[0].Components.Order(StringComparer.Ordinal));
        Assert.Empty(after.Silos[1].Components);
        Assert.NotNull(after.Silos[1].ChangedUtc);
        Assert.Equal(remaining, after.SiloAddress);
    }

    private static async Task<SystemStatusReport> PollAsync(ClientCluster system, Func<SystemStatusReport, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        SystemStatusReport? status = null;
        while (true)
        {
            try
            {
                status = await system.Operator.GetSystemStatusAsync();
                if (condition(status)) return status;
            }
            catch (SiloUnavailableException)
            {
                // The kernel's silo left: the next call activates the kernel on the silo that remains.
            }

            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}; last status:\n{(status is null ? "none" : Describe(status))}");
            await Task.Delay(100);
        }
    }

    private static string Describe(SystemStatusReport status) =>
        $"kernel on {status.SiloAddress}, {status.State}\n"
        + string.Join("\n", status.Silos.Select(s => $"  {s.Address} {s.Status}: {string.Join(", ", s.Components)}"))
        + $"\n  components: {string.Join(", ", status.Components.Select(c => $"{c.Name}@{c.Silo}"))}";

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
