using System.Text.Json;
using AlgoSpace.Client;
using AlgoSpace.Grains.Interfaces.Kernel;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Client;

/// <summary>The client's commands against a real Orleans test cluster running a small backtest.</summary>
public sealed class ClientClusterTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Status_shows_the_kernels_real_state_and_each_component()
    {
        await using var system = await ClientCluster.StartAsync();
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var client = system.Client();

        var exit = await client.RunAsync("status");
        log.WriteLine(client.ToString());

        Assert.Equal(ClientExitCodes.Success, exit);
        var lines = client.Out.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("AlgoSpace kernel  Running  mode backtest  run ", StringComparison.Ordinal));
        foreach (var (name, kind) in new[] { ("recorder", "test_recorder"), ("execution", "test_execution"), ("source", "test_source") })
        {
            Assert.Contains(lines, l => Words(l) is [var n, var k, _, "Running", ..] && n == name && k == kind);
        }

        Assert.DoesNotContain(lines, l => Words(l) is ["live_source" or "live_execution", ..]);
        Assert.Equal("", client.Error.ToString());
    }

    [Fact]
    public async Task Status_json_carries_the_kernels_record()
    {
        await using var system = await ClientCluster.StartAsync();
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var client = system.Client();

        var exit = await client.RunAsync("status", "--json");

        Assert.Equal(ClientExitCodes.Success, exit);
        using var json = JsonDocument.Parse(client.Out.ToString());
        Assert.Equal("Running", json.RootElement.GetProperty("state").GetString());
        Assert.Equal("backtest", json.RootElement.GetProperty("mode").GetString());
        Assert.Equal(["execution", "recorder", "source"],
            json.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Status_watch_prints_a_sample_per_interval_until_ctrl_c_which_ends_it_with_success(bool json)
    {
        await using var system = await ClientCluster.StartAsync();
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var client = system.Client();

        var watching = client.RunAsync(json ? ["status", "--watch", "--interval", "0.2", "--json"] : ["status", "--watch", "--interval", "0.2"]);
        await system.WaitUntilAsync(() => Task.FromResult(Samples(client, json) >= 3), "three samples were written");
        Assert.True(client.Cancellation.CancelCurrent());
        var exit = await watching;

        Assert.Equal(ClientExitCodes.Success, exit);
        Assert.Equal("", client.Error.ToString());
        if (json)
        {
            Assert.All(client.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries),
                line => Assert.Equal("Running", JsonDocument.Parse(line).RootElement.GetProperty("state").GetString()));
        }
    }

    private static int Samples(ClientHarness client, bool json) => json
        ? client.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length
        : client.Out.ToString().Split('\n').Count(l => l.StartsWith("AlgoSpace kernel  Running", StringComparison.Ordinal));

    [Fact]
    public async Task Routes_show_the_routing_table_with_delivery_counts()
    {
        await using var system = await ClientCluster.StartAsync(count: 10);
        await system.WaitUntilAsync(async () => (await system.Operator.GetRoutesAsync()).Where(r => r.EventType == "TEST_NUMBER").All(r => r.Delivered == 10),
            "both subscribers handled the 10 numbers");
        var client = system.Client();

        var exit = await client.RunAsync("routes");
        log.WriteLine(client.ToString());

        Assert.Equal(ClientExitCodes.Success, exit);
        var lines = client.Out.ToString().Split('\n');
        Assert.Contains(lines, l => Words(l) is ["TEST_NUMBER", "source", "recorder", "10"]);
        Assert.Contains(lines, l => Words(l) is ["TEST_NUMBER", "source", "execution", "10"]);
    }

    [Fact]
    public async Task Config_prints_the_effective_yaml_with_credentials_redacted()
    {
        await using var system = await ClientCluster.StartAsync();
        var client = system.Client();

        var exit = await client.RunAsync("config");

        Assert.Equal(ClientExitCodes.Success, exit);
        var yaml = client.Out.ToString();
        Assert.Contains("api_key: '***redacted***'", yaml, StringComparison.Ordinal);
        Assert.Contains("live_source", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientCluster.FeedKey, yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong token", "the operator token is wrong")]
    [InlineData(null, "no operator token presented")]
    public async Task Mode_and_shutdown_without_the_right_token_are_refused_with_exit_code_1_and_change_nothing(string? token, string reason)
    {
        await using var system = await ClientCluster.StartAsync();
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var mode = system.Client(token);
        var shutdown = system.Client(token);

        var modeExit = await mode.RunAsync("mode", "live");
        var shutdownExit = await shutdown.RunAsync("shutdown");

        Assert.Equal(ClientExitCodes.Refused, modeExit);
        Assert.Equal(ClientExitCodes.Refused, shutdownExit);
        Assert.Contains($"refused by the kernel: mode live refused: {reason}", mode.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"refused by the kernel: shutdown refused: {reason}", shutdown.Error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong token", mode.Error.ToString() + mode.Out, StringComparison.Ordinal);
        var status = await system.Operator.GetSystemStatusAsync();
        Assert.Equal((SystemState.Running, "backtest"), (status.State, status.Mode));
    }

    [Fact]
    public async Task A_switch_the_kernel_finds_unsafe_is_refused_with_its_reason()
    {
        await using var system = await ClientCluster.StartAsync();
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var client = system.Client();

        var exit = await client.RunAsync("mode", "backtest");

        Assert.Equal(ClientExitCodes.Refused, exit);
        Assert.Contains("the system already runs in backtest mode", client.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mode_live_prints_each_step_of_the_switch_until_it_completes()
    {
        await using var system = await ClientCluster.StartAsync();
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var client = system.Client();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var exit = await client.RunAsync("mode", "live");
        log.WriteLine($"{clock.Elapsed}\n{client}");

        Assert.True(exit == ClientExitCodes.Success, client.ToString());
        var output = client.Out.ToString();
        Assert.Contains("switch to live accepted: switching from backtest to live mode", output, StringComparison.Ordinal);
        var steps = output.Split('\n').Where(l => l.StartsWith("  [", StringComparison.Ordinal)).ToList();
        Assert.Equal("begin", Words(steps[0])[1]);
        Assert.EndsWith("ok", string.Join(" ", Words(steps[^1])[1..4]), StringComparison.Ordinal);
        Assert.StartsWith("switch complete  ok", steps[^1][(steps[^1].IndexOf(']', StringComparison.Ordinal) + 2)..], StringComparison.Ordinal);
        Assert.Contains(steps, s => s.Contains("stop data  ok", StringComparison.Ordinal));
        Assert.Contains("the system runs in live mode", output, StringComparison.Ordinal);
        var numbers = steps.Select(s => int.Parse(s[3..s.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal("live", (await system.Operator.GetSystemStatusAsync()).Mode);

        // The new mode's run shuts down cleanly too.
        var shutdown = system.Client();
        var shutdownExit = await shutdown.RunAsync("shutdown");
        log.WriteLine(shutdown.ToString());
        Assert.True(shutdownExit == ClientExitCodes.Success, shutdown.ToString());
    }

    [Fact]
    public async Task Shutdown_with_the_token_prints_each_step_until_the_silo_confirms_it_stopped()
    {
        await using var system = await ClientCluster.StartAsync();
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var client = system.Client();

        var exit = await client.RunAsync("shutdown");
        log.WriteLine(client.ToString());

        Assert.True(exit == ClientExitCodes.Success, client.ToString());
        var output = client.Out.ToString();
        Assert.Contains("shutdown accepted: graceful shutdown under way", output, StringComparison.Ordinal);
        Assert.Contains("stop data  ok", output, StringComparison.Ordinal);
        Assert.Contains("save state and stop components  ok", output, StringComparison.Ordinal);
        Assert.Contains("stopped  ok  exit code 0", output, StringComparison.Ordinal);
        Assert.EndsWith("the system is Stopped, silo exit code 0.", output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_interactive_prompt_runs_commands_on_one_connection_until_exit()
    {
        await using var system = await ClientCluster.StartAsync();
        await system.WaitUntilAsync(async () => (await system.Kernel.GetStatusAsync()).State == SystemState.Running, "the system runs");
        var client = system.Client();

        var exit = await client.RunAsync(rich: false, input: "help\nroutes\n\nbogus\nstatus --json\nexit\nstatus\n");

        Assert.Equal(ClientExitCodes.Success, exit);
        var output = client.Out.ToString();
        Assert.Contains("algospace> ", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), l => Words(l) is ["shutdown", ..]);
        Assert.Contains(output.Split('\n'), l => Words(l) is ["TEST_NUMBER", "source", "recorder", ..]);
        Assert.Contains("\"state\": \"Running\"", output, StringComparison.Ordinal);
        Assert.Contains("Unrecognized command or argument 'bogus'", client.Error.ToString(), StringComparison.Ordinal);
        // Nothing after exit ran: one JSON status only, no plain status.
        Assert.DoesNotContain("AlgoSpace kernel  Running", output, StringComparison.Ordinal);
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
