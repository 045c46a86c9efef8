using AlgoSpace.Client;
using AlgoSpace.Client.Connection;
using AlgoSpace.FeedReplay;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Tests.Client;
using AlgoSpace.Tests.Process;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Live;

/// <summary>
/// Live mode end to end, as an operator runs it: a real silo process (settings/live.yaml: every component, the
/// committed models, the paper broker) fed by the replay server over loopback WebSocket, controlled with the client.
/// </summary>
public sealed class LiveEndToEndTests(ITestOutputHelper log)
{
    private const string Token = "live-e2e-operator-token-7c41";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static string FeedFile => RepositoryRoot.File("data", "sample", "ES-ticks-eth-20d.csv.gz");

    private static string BacktestFile => RepositoryRoot.File("data", "sample", "ES-ticks-sample.csv");

    [Fact]
    public async Task Ticks_become_trades_a_feed_outage_repeats_nothing_and_the_client_switches_and_shuts_down()
    {
        using var tree = new LiveSiloTree();
        // On reconnection the feed first re-sends the last 5,000 ticks it had sent: those already received are dropped.
        await using var feed = new FeedReplayServer(new FeedReplayOptions { File = FeedFile, Port = 0, Overlap = 5000 });
        await feed.StartAsync();
        var config = tree.WriteSettings(feed.Url, BacktestFile);
        using var silo = SiloProcess.Start(["--config", config], new Dictionary<string, string> { [OperatorAuthorization.EnvironmentVariable] = Token });
        try
        {
            await silo.WaitForOutputAsync("AlgoSpace ready in", Timeout);
            await using var connection = await new OrleansClusterConnector(ClusterSettingsFile.Read(config, _ => null)).ConnectAsync(CancellationToken.None);
            var kernel = connection.Grains.GetGrain<IKernelOperatorGrain>(KernelKeys.Kernel);

            // Ticks become bars, indicators and a trade on the paper broker.
            var trading = await PollAsync(kernel, s => Total(s, "EXECUTE_TRADE") >= 1 && Total(s, "ORDER_FILLED") >= 1, "the first trade", silo);
            Assert.Equal("live", trading.Mode);
            Assert.True(Total(trading, "NEW_5MIN_BAR") > 0 && Total(trading, "INDICATORS_READY") > 0 && Total(trading, "SYNERGY_DETECTED") > 0);
            Assert.Equal("paper_execution_handler", trading.Components.Single(c => c.Name == "execution_handler").Kind);

            // Kill the feed: the handler reports the loss and the system is Degraded while it is down.
            await feed.StopAsync();
            var down = await PollAsync(kernel, s => Total(s, "CONNECTION_LOST") == 1 && s.State == SystemState.Degraded, "the connection loss", silo);
            Assert.Equal(ComponentState.Degraded, down.Components.Single(c => c.Name == "data_handler").State);
            Assert.StartsWith("connection lost", down.Components.Single(c => c.Name == "data_handler").Reason);
            Assert.True(feed.Sent < feed.TickCount, "the feed was killed before it had sent the whole file");

            // Bring it back: restored, and no tick is passed on twice or out of order. The feed runs as fast as the
            // silo reads, so the killed connection may have had more ticks in flight than the overlap re-sends:
            // those are lost with the connection, as on a real feed, and counted as missed, never papered over.
            await feed.StartAsync();
            var restored = await PollAsync(kernel, s => Total(s, "CONNECTION_RESTORED") == 1 && s.State == SystemState.Running, "the reconnection", silo);
            Assert.Equal(ComponentState.Running, restored.Components.Single(c => c.Name == "data_handler").State);
            var done = await PollAsync(kernel, s => Detail(s, "data_handler", "last_id") == $"{feed.TickCount}", "the whole file", silo);
            var handler = done.Components.Single(c => c.Name == "data_handler");
            var published = long.Parse(Detail(done, "data_handler", "published"));
            var missed = long.Parse(Detail(done, "data_handler", "missed"));
            Assert.True(published + missed == feed.TickCount, handler.Detail);
            Assert.True(long.Parse(Detail(done, "data_handler", "gaps")) <= 1 && Detail(done, "data_handler", "rejected") == "0", handler.Detail);
            Assert.True(long.Parse(Detail(done, "data_handler", "duplicates")) + missed > 0, $"the overlap was dropped or the loss counted: {handler.Detail}");
            // Each published tick reached the bar generator once (one NEW_TICK per tick in live).
            Assert.Equal(published, done.Components.Single(c => c.Name == "bar_generator").Handled);
            Assert.Equal(published, Total(done, "NEW_TICK"));

            // The client switches to backtest: the replay of the backtest file runs to its end and is reported.
            var toBacktest = await RunClientAsync("mode", "backtest", "--config", config);
            Assert.Contains("switch complete  ok", toBacktest, StringComparison.Ordinal);
            var backtest = await PollAsync(kernel, s => s.Mode == "backtest" && s.RecentTransitions.Any(t => t.Cause.StartsWith("backtest complete", StringComparison.Ordinal)), "the switched backtest to finish", silo);
            Assert.StartsWith("backtest-", backtest.RunId);
            Assert.Equal("backtest_execution_handler", backtest.Components.Single(c => c.Name == "execution_handler").Kind);
            Assert.True(File.Exists(Path.Combine(tree.OutputDir, backtest.RunId, "trades.csv")), "the switched backtest's report");
            Assert.True(File.Exists(Path.Combine(tree.OutputDir, trading.RunId, "trades.csv")), "the live session's report, written when it was left");

            // And back to live: a new live run on the same feed.
            var toLive = await RunClientAsync("mode", "live", "--config", config);
            Assert.Contains("switch complete  ok", toLive, StringComparison.Ordinal);
            var live = await PollAsync(kernel, s => s.Mode == "live" && Total(s, "NEW_TICK") > 0, "ticks in the new live run", silo);
            Assert.StartsWith("live-", live.RunId);
            Assert.NotEqual(trading.RunId, live.RunId);

            // The client shuts the system down and the silo confirms each step, then exits 0.
            var shutdown = await RunClientAsync("shutdown", "--config", config);
            foreach (var step in new[] { "stop data  ok", "cancel working orders and flatten  ok", "drain the bus  ok", "save state and stop components  ok" })
            {
                Assert.Contains(step, shutdown, StringComparison.Ordinal);
            }

            Assert.Equal(ExitCodes.Success, await silo.WaitForExitAsync(Timeout));
            Assert.DoesNotContain(Token, silo.Output + silo.Error, StringComparison.Ordinal);
        }
        finally
        {
            log.WriteLine(silo.Output.Length > 20_000 ? silo.Output[^20_000..] : silo.Output);
        }
    }

    [Fact]
    public async Task A_client_without_the_operator_token_is_refused_and_the_silo_logs_it()
    {
        using var tree = new LiveSiloTree();
        await using var feed = new FeedReplayServer(new FeedReplayOptions { File = BacktestFile, Port = 0, Rate = 500 });
        await feed.StartAsync();
        var config = tree.WriteSettings(feed.Url, BacktestFile);
        using var silo = SiloProcess.Start(["--config", config], new Dictionary<string, string> { [OperatorAuthorization.EnvironmentVariable] = Token });
        await silo.WaitForOutputAsync("AlgoSpace ready in", Timeout);

        var anonymous = new ClientHarness();
        Assert.Equal(ClientExitCodes.Refused, await anonymous.RunAsync("shutdown", "--config", config));
        Assert.Contains("shutdown refused: no operator token presented", anonymous.Error.ToString(), StringComparison.Ordinal);
        var guessing = new ClientHarness();
        guessing.Environment[OperatorAuthorization.EnvironmentVariable] = "not-the-token";
        Assert.Equal(ClientExitCodes.Refused, await guessing.RunAsync("mode", "backtest", "--config", config));
        Assert.Contains("mode backtest refused: the operator token is wrong", guessing.Error.ToString(), StringComparison.Ordinal);

        // Nothing changed: the system still runs live, and the silo logged both refusals (never a token).
        var status = new ClientHarness();
        Assert.Equal(ClientExitCodes.Success, await status.RunAsync("status", "--config", config));
        Assert.Contains("Running  mode live", status.Out.ToString(), StringComparison.Ordinal);
        await silo.WaitForOutputAsync("Operator command 'mode backtest' from", Timeout);
        Assert.Contains("Operator command 'shutdown' from", silo.Output, StringComparison.Ordinal);
        Assert.Contains("refused: no operator token presented", silo.Output, StringComparison.Ordinal);
        Assert.Contains("refused: the operator token is wrong", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", silo.Output + silo.Error, StringComparison.Ordinal);

        silo.Signal(15);
        Assert.Equal(ExitCodes.Success, await silo.WaitForExitAsync(Timeout));
    }

    private async Task<string> RunClientAsync(params string[] args)
    {
        var client = new ClientHarness();
        client.Environment[OperatorAuthorization.EnvironmentVariable] = Token;
        var code = await client.RunAsync(args);
        log.WriteLine($"client {string.Join(' ', args)} -> {code}\n{client}");
        Assert.True(code == ClientExitCodes.Success, client.ToString());
        return client.Out.ToString();
    }

    private static long Total(SystemStatusReport status, string type) => status.EventTotals.GetValueOrDefault(type);

    /// <summary>A key=value of a component's status line.</summary>
    private static string Detail(SystemStatusReport status, string component, string key)
    {
        var detail = status.Components.Single(c => c.Name == component).Detail;
        var pair = detail.Split(' ').FirstOrDefault(p => p.StartsWith(key + "=", StringComparison.Ordinal));
        return pair?[(key.Length + 1)..] ?? throw new InvalidOperationException($"{component} status has no {key}: {detail}");
    }

    private static async Task<SystemStatusReport> PollAsync(IKernelOperatorGrain kernel, Func<SystemStatusReport, bool> condition, string what, SiloProcess silo)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var status = await kernel.GetSystemStatusAsync();
            if (condition(status)) return status;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}: {status.State}, mode {status.Mode}, events " +
                    string.Join(", ", status.EventTotals.Select(e => $"{e.Key}={e.Value}")) + "\n" +
                    string.Join("\n", status.Components.Select(c => $"{c.Name} {c.State} {c.Reason} {c.Detail}")) + "\nsilo:\n" +
                    (silo.Output.Length > 5000 ? silo.Output[^5000..] : silo.Output));
            }

            await Task.Delay(100);
        }
    }
}
