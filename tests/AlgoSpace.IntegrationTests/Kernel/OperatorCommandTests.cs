using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Tests.Support;

namespace AlgoSpace.Tests.Kernel;

/// <summary>
/// The kernel's operator API on a real cluster: status, routes and configuration while a source runs, operator
/// commands refused without the token, and a mode switch there and back that swaps the mode's handlers and starts a
/// new run, then the operator's graceful shutdown with each step recorded.
/// </summary>
public sealed class OperatorCommandTests
{
    private const string Token = "operator-test-token-5f1c";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly OperatorRequest Operator = new(Token, "test@operator");

    /// <summary>The live feed's API key, handed to the settings loader (the process environment is shared by parallel tests).</summary>
    private static readonly Dictionary<string, string> FeedKey = new() { ["ALGOSPACE_TEST_FEED_KEY"] = "feed-secret-9d2e" };

    /// <summary>A source that keeps publishing (it never completes), and one execution entry per mode.</summary>
    private static string SwitchableSystem() => new TestSettings
    {
        EventBus = TestSettings.Bus("broadcast", "max_queue_size: 100"),
        DataHandler = TestSettings.UnreachableLiveFeed("ALGOSPACE_TEST_FEED_KEY"),
        CustomEvents = TestSettings.TestEventTypes,
        Components = """
            - name: recorder
              type: test_recorder
              subscribes: [TEST_NUMBER]
            - name: execution
              type: test_execution
              mode: backtest
              critical: true
              subscribes: [TEST_NUMBER]
              parameters: { venue: "backtest" }
            - name: execution
              type: test_execution
              mode: live
              critical: true
              subscribes: [TEST_NUMBER]
              parameters: { venue: "live" }
            - name: source
              type: test_source
              critical: true
              publishes: [TEST_NUMBER, BACKTEST_COMPLETE]
              parameters: { count: "1000000", delay_ms: "2", complete: "false" }
            """,
    }.Build();

    [Fact]
    public async Task Status_routes_and_configuration_describe_the_running_system()
    {
        await using var system = await TestSystem.StartAsync(SwitchableSystem(), operatorToken: Token, environment: FeedKey);
        await system.WaitForAsync(Timeout, SystemState.Running);

        // The kernel samples every 2 s; rates appear once two samples exist.
        var status = await PollAsync(system, s => s.EventsPerSecond.GetValueOrDefault("TEST_NUMBER") > 0, "a TEST_NUMBER rate");
        Assert.Equal("backtest", status.Mode);
        Assert.StartsWith("backtest-", status.RunId);
        Assert.Equal(["recorder", "execution", "source"], status.Components.Select(c => c.Name));
        Assert.All(status.Components, c => Assert.Equal(ComponentState.Running, c.State));
        Assert.True(status.Components.Single(c => c.Name == "recorder").Handled > 0);
        Assert.True(status.EventTotals["TEST_NUMBER"] > 0);
        Assert.NotNull(status.BusLatency);
        Assert.True(status.BusLatency!.P99Microseconds >= status.BusLatency.P50Microseconds);
        Assert.True(status.Uptime > TimeSpan.Zero);
        // test_execution keeps no book of the operator's kind; the status says so instead of failing.
        Assert.Null(status.Account);
        Assert.Contains("execution", status.AccountNote);

        var routes = await system.Operator.GetRoutesAsync();
        var numbers = routes.Where(r => r.EventType == "TEST_NUMBER").ToList();
        Assert.Equal(["recorder", "execution"], numbers.Select(r => r.Subscriber));
        Assert.All(numbers, r => Assert.Equal(["source"], r.Producers));
        Assert.All(numbers, r => Assert.True(r.Delivered > 0));

        var config = await system.Operator.GetConfigurationAsync();
        Assert.Contains("api_key: '***redacted***'", config);
        Assert.DoesNotContain("feed-secret-9d2e", config);
        Assert.Contains("mode: backtest", config);
    }

    [Fact]
    public async Task Commands_without_the_right_token_are_refused_and_change_nothing()
    {
        await using var system = await TestSystem.StartAsync(SwitchableSystem(), operatorToken: Token, environment: FeedKey);
        await system.WaitForAsync(Timeout, SystemState.Running);

        var wrong = await system.Operator.SwitchModeAsync(new OperatorRequest("guess", "intruder@host"), "live");
        Assert.False(wrong.Accepted);
        Assert.Equal("mode live refused: the operator token is wrong", wrong.Message);
        var none = await system.Operator.OperatorShutdownAsync(new OperatorRequest(null, "intruder@host"), emergency: true);
        Assert.False(none.Accepted);
        Assert.Contains("no operator token presented", none.Message);

        // Refusals for reasons other than the token name the reason.
        var same = await system.Operator.SwitchModeAsync(Operator, "backtest");
        Assert.Equal("mode backtest refused: the system already runs in backtest mode", same.Message);
        var unknown = await system.Operator.SwitchModeAsync(Operator, "paper");
        Assert.Equal("mode paper refused: unknown mode 'paper': expected live or backtest", unknown.Message);

        var status = await system.Operator.GetSystemStatusAsync();
        Assert.Equal(SystemState.Running, status.State);
        Assert.Equal("backtest", status.Mode);
        Assert.Null(status.ExitCode);
    }

    [Fact]
    public async Task A_silo_without_a_token_refuses_every_command()
    {
        await using var system = await TestSystem.StartAsync(SwitchableSystem(), operatorToken: null, environment: FeedKey);
        await system.WaitForAsync(Timeout, SystemState.Running);

        var reply = await system.Operator.OperatorShutdownAsync(Operator, emergency: false);
        Assert.False(reply.Accepted);
        Assert.Contains($"no operator token is configured on the silo (set {OperatorAuthorization.EnvironmentVariable}", reply.Message);
        Assert.Equal(SystemState.Running, (await system.Kernel.GetStatusAsync()).State);
    }

    [Fact]
    public async Task Mode_switch_swaps_the_handlers_there_and_back_then_the_operator_shuts_down()
    {
        await using var system = await TestSystem.StartAsync(SwitchableSystem(), operatorToken: Token, environment: FeedKey);
        await system.WaitForAsync(Timeout, SystemState.Running);
        var backtestRun = (await system.Kernel.GetStatusAsync()).RunId;

        var accepted = await system.Operator.SwitchModeAsync(Operator, "live");
        Assert.True(accepted.Accepted, accepted.Message);
        Assert.Equal("switching from backtest to live mode", accepted.Message);
        // Asked again at once: refused, because the switch is under way or (if it already finished) done.
        var second = await system.Operator.SwitchModeAsync(Operator, "live");
        Assert.False(second.Accepted);
        Assert.Contains(second.Message, new[] { "mode live refused: another mode switch is already under way", "mode live refused: the system already runs in live mode" });

        var live = await PollAsync(system, s => s.Steps.Any(step => step.Step == "switch complete"), "the switch to live to complete");
        Assert.Equal("live", live.Mode);
        Assert.StartsWith("live-", live.RunId);
        Assert.NotEqual(backtestRun, live.RunId);
        Assert.Equal(SystemState.Running, live.State);
        Assert.Null(live.Operation);
        Assert.Equal(
            ["begin", "stop data", "drain the bus", "cancel working orders and flatten", "drain the bus", "write the backtest report",
             "stop components", "create components", "wire routes", "start components", "switch complete"],
            live.Steps.Select(s => s.Step));
        Assert.All(live.Steps, s => Assert.True(s.Succeeded, $"{s.Step}: {s.Detail}"));
        Assert.Equal(live.Steps.Select(s => s.Number).Order(), live.Steps.Select(s => s.Number));
        // The live entry's component was created fresh from its own parameters, and the source publishes again.
        Assert.Equal("venue=live", await system.Component("execution").QueryAsync("parameters"));
        var before = (await system.Operator.GetSystemStatusAsync()).Components.Single(c => c.Name == "recorder").Handled;
        await PollAsync(system, s => s.Components.Single(c => c.Name == "recorder").Handled > before, "events to flow in live mode");

        Assert.True((await system.Operator.SwitchModeAsync(Operator, "backtest")).Accepted);
        var back = await PollAsync(system, s => s.Mode == "backtest" && s.Steps.Any(step => step.Step == "switch complete"), "the switch back to complete");
        Assert.Equal(SystemState.Running, back.State);
        Assert.Equal("venue=backtest", await system.Component("execution").QueryAsync("parameters"));

        var shutdown = await system.Operator.OperatorShutdownAsync(Operator, emergency: false);
        Assert.True(shutdown.Accepted, shutdown.Message);
        var stopped = await PollAsync(system, s => s.State == SystemState.Stopped, "the shutdown to finish");
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal(
            ["begin", "stop data", "keep the simulated book", "drain the bus", "write the backtest report", "save state and stop components", "stopped"],
            stopped.Steps.Select(s => s.Step));
        Assert.Equal("shutdown", stopped.Steps[0].Operation);
        Assert.Contains("operator test@operator", stopped.Steps[0].Detail);
    }

    [Fact]
    public async Task A_two_silo_cluster_switches_mode_and_every_component_runs_in_the_new_mode()
    {
        await using var system = await TestSystem.StartAsync(SwitchableSystem(), silos: 2, operatorToken: Token, environment: FeedKey);
        await system.WaitForAsync(Timeout, SystemState.Running);

        Assert.True((await system.Operator.SwitchModeAsync(Operator, "live")).Accepted);
        var live = await PollAsync(system, s => s.Steps.Any(step => step.Step == "switch complete"), "the switch on two silos");
        Assert.Equal("live", live.Mode);
        Assert.All(live.Steps, s => Assert.True(s.Succeeded, $"{s.Step}: {s.Detail}"));
        // Hosts on either silo were created from the live entries.
        Assert.Equal("venue=live", await system.Component("execution").QueryAsync("parameters"));
        var before = live.Components.Single(c => c.Name == "recorder").Handled;
        await PollAsync(system, s => s.Components.Single(c => c.Name == "recorder").Handled > before, "events to flow after the switch");
    }

    [Fact]
    public async Task The_operators_emergency_shutdown_takes_the_five_second_path_and_exits_4()
    {
        await using var system = await TestSystem.StartAsync(SwitchableSystem(), operatorToken: Token, environment: FeedKey);
        await system.WaitForAsync(Timeout, SystemState.Running);

        var reply = await system.Operator.OperatorShutdownAsync(Operator, emergency: true);
        Assert.True(reply.Accepted, reply.Message);
        var stopped = await PollAsync(system, s => s.ExitCode is not null && s.Operation is null && s.Steps.Any(step => step.Step == "stopped"), "the emergency path to finish");
        Assert.Equal(SystemState.Faulted, stopped.State);
        Assert.Equal(ExitCodes.EmergencyShutdown, stopped.ExitCode);
        // A backtest interrupted before its end keeps its simulated book: it resumes from its last checkpoint.
        Assert.Equal(["begin", "stop data", "keep the simulated book", "save kernel state", "stopped"], stopped.Steps.Select(s => s.Step));
        Assert.All(stopped.Steps, s => Assert.Equal("emergency shutdown", s.Operation));
        Assert.Contains("test@operator asked for an emergency shutdown", stopped.Steps[0].Detail);
        Assert.DoesNotContain("protect:", await system.Component("execution").QueryAsync("log"));

        // Nothing more can be asked of a stopped system.
        var again = await system.Operator.SwitchModeAsync(Operator, "live");
        Assert.False(again.Accepted);
        Assert.Contains("an emergency shutdown is under way", again.Message);
    }

    private static async Task<SystemStatusReport> PollAsync(TestSystem system, Func<SystemStatusReport, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var status = await system.Operator.GetSystemStatusAsync();
            if (condition(status)) return status;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}; state {status.State}, mode {status.Mode}, steps:\n" +
                    string.Join("\n", status.Steps.Select(s => $"{s.Number} {s.Operation}: {s.Step} {s.Succeeded} {s.Detail}")));
            }

            await Task.Delay(100);
        }
    }
}
