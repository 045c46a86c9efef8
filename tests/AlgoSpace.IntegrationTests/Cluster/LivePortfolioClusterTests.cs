using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AlgoSpace.Client;
using AlgoSpace.Client.Rendering;
using AlgoSpace.FeedReplay;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Tests.Client;
using AlgoSpace.Tests.Recovery;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// The portfolio (settings/portfolio.yaml: ES, NQ and CL) trading live on three silo processes sharing Redis, fed by
/// the replay server with the three instruments on one feed over loopback WebSocket. The run starts on two silos and
/// the third joins it while it trades: it takes its share of the pipelines at the next checkpoint (a rebalance, as in
/// backtest). Then the silo that holds the account (the execution handler) is killed with SIGKILL. The survivors must
/// restore the run from its last checkpoint, reconcile the account with its journal, read the feed again and trade on;
/// the gap must be reported, no tick passed on twice, and no order sent twice.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed partial class LivePortfolioClusterTests(ITestOutputHelper log)
{
    private static readonly string[] Symbols = ["ES", "NQ", "CL"];

    /// <summary>An instrument's live pipeline: bars, indicators, three matrices, synergy, RDE, M-RMS, MARL core.</summary>
    private const int PipelineComponents = 9;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task A_silo_joins_a_live_portfolio_and_one_killed_under_it_is_recovered_and_trading_resumes_with_no_tick_or_order_twice_and_the_gap_reported()
    {
        // As fast as the silos read; on each new connection the feed first re-sends its last 500 ticks.
        await using var feed = new FeedReplayServer(new FeedReplayOptions
        {
            Instruments = [.. Symbols.Select(s => new FeedInstrument(s, RepositoryRoot.File("data", "sample", "portfolio", $"{s}-ticks.csv.gz")))],
            Port = 0, Overlap = 500,
        });
        await feed.StartAsync();
        using var cluster = await BacktestCluster.StartRedisAsync(DefaultJobTree.PortfolioJob, minSilos: 2, liveFeed: feed.Url);
        try
        {
            cluster.Start(1);
            cluster.Start(2);
            await StatusAsync(cluster, s => s.Mode == "live" && Total(s, "ORDER_FILLED") >= 1, "the first fill");
            var (onTwo, _) = await ClientPlacement.ReadAsync(cluster, Symbols, PipelineComponents);
            log.WriteLine($"placement on two silos:\n{ClientPlacement.Describe(onTwo)}");
            Assert.Equal(2, onTwo.Values.Distinct().Count());

            // A third silo joins the live run and takes a pipeline at the next checkpoint.
            cluster.Start(3);
            await WaitForLogAsync(cluster, cluster.Numbers, "Rebalanced after");

            // Trading on three silos, one pipeline each.
            var filled = Total(await StatusAsync(cluster, _ => true, "a status"), "ORDER_FILLED");
            await StatusAsync(cluster, s => s.State == SystemState.Running && Total(s, "ORDER_FILLED") > filled, "a fill after the rebalance");
            var (before, status) = await ClientPlacement.ReadAsync(cluster, Symbols, PipelineComponents);
            log.WriteLine($"placement before the kill:\n{ClientPlacement.Describe(before)}");
            Assert.Equal(3, before.Values.Distinct().Count());

            // The silo of the account: its book after the last checkpoint lives only in the journal.
            var victim = cluster.NumberAt(status.Silos.Single(s => s.Components.Contains("execution_handler")).Address);
            var killedAtTick = DateTime.Parse(Detail(status, "data_handler", "last_tick"), CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();
            cluster.Silo(victim).Signal(RunInterrupter.Sigkill);
            await cluster.ExitAsync(victim);
            var survivors = cluster.Numbers.Where(n => n != victim).ToArray();
            log.WriteLine($"silo {victim} (the account's) killed with SIGKILL near sim time {killedAtTick:O}");

            await WaitForLogAsync(cluster, survivors, "Recovered after silo");
            var recovered = clock.Elapsed;
            var (after, _) = await ClientPlacement.ReadAsync(cluster, Symbols, PipelineComponents);
            log.WriteLine($"placement after the recovery ({recovered.TotalSeconds:0.0} s after SIGKILL):\n{ClientPlacement.Describe(after)}");
            Assert.Equal(2, after.Values.Distinct().Count());

            // The feed is read to its end: every id is published once, or counted missed (the gap), rejected or untraded.
            var done = await StatusAsync(cluster, s => s.State == SystemState.Running && feed.Finished && Detail(s, "data_handler", "last_id") == $"{feed.TickCount}", "the whole feed");
            var published = Counter(done, "published");
            var missed = Counter(done, "missed");
            log.WriteLine($"data handler at the end: {done.Components.Single(c => c.Name == "data_handler").Detail}");
            Assert.Equal(feed.TickCount, published + missed + Counter(done, "rejected") + Counter(done, "unrouted"));
            Assert.Equal(published, Detail(done, "data_handler", "by_symbol").Split(',').Sum(p => long.Parse(p.Split(':')[1], CultureInfo.InvariantCulture)));
            var survivorLogs = string.Join("\n", survivors.Select(cluster.Output));
            Assert.Contains("Live data gap: the feed was not read", survivorLogs, StringComparison.Ordinal);

            // A graceful end: the survivors stop newest first; the last writes the live session's report.
            foreach (var number in survivors.Reverse())
            {
                cluster.Silo(number).Signal(RunInterrupter.Sigterm);
                Assert.Equal(0, await cluster.ExitAsync(number));
            }

            var all = string.Join("\n", cluster.Numbers.Select(cluster.Output));
            Assert.DoesNotContain("Emergency shutdown", all, StringComparison.Ordinal);
            Assert.DoesNotContain("does not agree with the journal", all, StringComparison.Ordinal);
            Assert.Single(all.Split('\n').Where(l => l.Contains(" -> Initializing: new run ", StringComparison.Ordinal)).Distinct());

            // No order twice, and trading went on after the recovery.
            var trades = File.ReadAllLines(Path.Combine(cluster.Tree.RunFolder(done.RunId), "trades.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            log.WriteLine($"{trades.Count} trades: {string.Join(", ", trades.Select(t => t[0]))}");
            var ids = trades.Select(t => t[0]).ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            Assert.Contains(trades, t => DateTime.Parse(t[4], CultureInfo.InvariantCulture) > killedAtTick);
            // Nothing acknowledged is lost: every trade an execution handler closed (the killed silo's too, between
            // its last checkpoint and the kill: the journal tells the restored tracker again) is in the report.
            var closed = ClosedTrade().Matches(all).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.Equal(closed.Order(), ids.Order());
        }
        finally
        {
            foreach (var number in cluster.Numbers) log.WriteLine($"--- silo {number}\n{Tail(cluster.Output(number))}");
        }
    }

    /// <summary>The system's status as the client shows it (`status --json`), asked until it satisfies the condition.</summary>
    private static async Task<SystemStatusReport> StatusAsync(BacktestCluster cluster, Func<SystemStatusReport, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (true)
        {
            var client = new ClientHarness();
            foreach (var (name, value) in cluster.ClientEnvironment) client.Environment[name] = value;
            if (await client.RunAsync("status", "--json", "--config", cluster.Tree.Settings) == ClientExitCodes.Success)
            {
                var status = JsonSerializer.Deserialize<SystemStatusReport>(client.Out.ToString(), JsonOutput.Options)!;
                if (condition(status)) return status;
                last = $"{status.State}, mode {status.Mode}, {string.Join(", ", status.EventTotals.Select(e => $"{e.Key}={e.Value}"))}\n" +
                    string.Join("\n", status.Components.Select(c => $"{c.Name} {c.State} {c.Detail}"));
            }
            else
            {
                last = client.ToString();
            }

            Assert.True(clock.Elapsed < Deadline, $"no {what} within {Deadline}; last status:\n{last}");
            await Task.Delay(500);
        }
    }

    private static async Task WaitForLogAsync(BacktestCluster cluster, IEnumerable<int> silos, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!silos.Any(n => cluster.Output(n).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(clock.Elapsed < Deadline, $"no silo logged '{text}' within {Deadline}");
            await Task.Delay(100);
        }
    }

    private static long Total(SystemStatusReport status, string type) => status.EventTotals.GetValueOrDefault(type);

    private static long Counter(SystemStatusReport status, string key) => long.Parse(Detail(status, "data_handler", key), CultureInfo.InvariantCulture);

    /// <summary>A key=value of a component's status line.</summary>
    private static string Detail(SystemStatusReport status, string component, string key)
    {
        var detail = status.Components.Single(c => c.Name == component).Detail;
        var pair = detail.Split(' ').FirstOrDefault(p => p.StartsWith(key + "=", StringComparison.Ordinal));
        return pair?[(key.Length + 1)..] ?? throw new InvalidOperationException($"{component} status has no {key}: {detail}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Trade (EX_\S+) \([+-]\d+\) closed")]
    private static partial System.Text.RegularExpressions.Regex ClosedTrade();

    private static string Tail(string output) => string.Join("\n", output.Split('\n').TakeLast(60));
}
