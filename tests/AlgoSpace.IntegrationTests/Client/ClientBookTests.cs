using System.Text.Json;
using AlgoSpace.Client;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Tests.Kernel;
using AlgoSpace.Tests.Support;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Client;

/// <summary>`positions`, `orders` and the book in `status`, from the real backtest execution handler's account.</summary>
public sealed class ClientBookTests(ITestOutputHelper log)
{
    private static readonly string Yaml = new TestSettings { Components = TestSettings.BacktestHandlers }.Build();

    [Fact]
    public async Task Positions_orders_and_status_show_the_execution_handlers_book()
    {
        const string ticks = "timestamp,price,volume\n2024-01-02T09:30:00,4750.25,1\n2024-01-02T09:30:10,4750.50,1\n";
        await using var system = await TestSystem.StartAsync(Yaml, prepare: root => File.WriteAllText(Path.Combine(root, "data", "ticks.csv"), ticks));
        await system.WaitForAsync(TimeSpan.FromSeconds(60), SystemState.Stopped, SystemState.Faulted);
        var positions = new ClientHarness(system.Cluster.Client);
        var orders = new ClientHarness(system.Cluster.Client);
        var status = new ClientHarness(system.Cluster.Client);
        var json = new ClientHarness(system.Cluster.Client);

        var exits = new[]
        {
            await positions.RunAsync("positions"), await orders.RunAsync("orders"), await status.RunAsync("status"), await json.RunAsync("positions", "--json"),
        };
        log.WriteLine($"{positions}\n{orders}\n{status}\n{json}");

        Assert.All(exits, e => Assert.Equal(ClientExitCodes.Success, e));
        // No trade was asked for: an empty book at the starting equity, on the simulated venue.
        Assert.Contains("execution_handler on ", positions.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("(no open positions)", positions.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("(no working orders)", orders.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("P&L today 0.00 (realized 0.00, unrealized 0.00)  trades today 0", status.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("open positions 0  working orders 0", status.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(json.Out.ToString()).RootElement.ValueKind);
    }
}
