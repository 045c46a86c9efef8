using System.Text.Json.Nodes;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Reporting;
using AlgoSpace.Tests.Kernel;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// The portfolio job (settings/portfolio.yaml: ES, NQ and CL, one pipeline each, one merged clock and one account,
/// the committed models, the shipped correlated sample cut at its ninth trading day) gives byte-identical
/// trades.csv, equity.csv and report.json (without timing) on 1, 2 and 3 silos and on both bus transports, and the
/// in-process runner the same trades: determinism across instruments, wherever their pipelines are placed.
/// </summary>
public sealed class PortfolioDeterminismTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>NQ trades from 2024-01-10 (RDE warm-up takes the first days); the cut keeps the run short.</summary>
    private const string EndDate = "2024-01-12";

    /// <summary>
    /// The stream transport's cut: the first two trading days, before the first trade. Every acknowledged stream
    /// delivery waits for the stream's pulling agent (tens of ms), and a portfolio's day is about 800 batches and
    /// their cascades, so streams take minutes per simulated week (docs/performance.md, "A portfolio"). The two days
    /// still cover every instrument's routing: the events handled by type, the equity curve, and the report's
    /// section by instrument, compared byte for byte.
    /// </summary>
    private const string StreamEndDate = "2024-01-03";

    private static readonly Lazy<Task<RunFiles>> Reference = new(() => RunOrleansAsync(new ClusterShape(1)));

    private static readonly Lazy<Task<RunFiles>> StreamReference = new(() => RunOrleansAsync(new ClusterShape(1), StreamEndDate));

    private sealed record RunFiles(string Trades, string Equity, string Report);

    private static string Settings(string transport, string endDate = EndDate)
    {
        var yaml = File.ReadAllText(RepositoryRoot.File("settings", "portfolio.yaml"))
            .Replace("transport: broadcast", $"transport: {transport}", StringComparison.Ordinal)
            .Replace("persistence:\n", "persistence:\n  provider: memory\n", StringComparison.Ordinal)
            .Replace("backtesting:\n", $"backtesting:\n  end_date: {endDate}\n", StringComparison.Ordinal);
        Assert.Contains("provider: memory", yaml, StringComparison.Ordinal);
        Assert.Contains($"end_date: {endDate}", yaml, StringComparison.Ordinal);
        return yaml + "\ntelemetry:\n  enabled: false\n";
    }

    private static string Tree() => DefaultJobFiles.NewPortfolioTree("algospace-portfolio-");

    private static async Task<RunFiles> RunOrleansAsync(ClusterShape shape, string endDate = EndDate)
    {
        var root = Tree();
        await using var system = await TestSystem.StartAsync(Settings(shape.Transport, endDate), shape.Silos, root);
        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);
        Assert.True(status.State == SystemState.Stopped, string.Join("\n", status.Transitions.Select(t => $"{t.From}->{t.To}: {t.Cause}")));
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(root, "output", "portfolio")), d => File.Exists(Path.Combine(d, "report.json")));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")))!.AsObject();
        Assert.True(report.Remove("timing"), "report.json has a timing object");
        return new RunFiles(await File.ReadAllTextAsync(Path.Combine(folder, "trades.csv")), await File.ReadAllTextAsync(Path.Combine(folder, "equity.csv")),
            report.ToJsonString());
    }

    [Fact]
    public async Task The_portfolio_trades_by_instrument_and_repeats_itself_byte_for_byte()
    {
        var first = await Reference.Value;
        var second = await RunOrleansAsync(new ClusterShape(1));
        Assert.Equal(first, second);

        // The instruments' pipelines really decided: trades with the instrument in their ids, and the report's
        // section by instrument lists every symbol in settings order with its own count.
        var trades = first.Trades.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.True(trades.Count >= 2, first.Trades);
        Assert.All(trades, t => Assert.StartsWith($"EX_{t[1]}_2024", t[0], StringComparison.Ordinal));
        var instruments = JsonNode.Parse(first.Report)!["instruments"]!.AsArray();
        Assert.Equal(["ES", "NQ", "CL"], instruments.Select(i => (string)i!["symbol"]!));
        Assert.Equal(trades.Count, instruments.Sum(i => (int)i!["trades"]!));
        foreach (var instrument in instruments)
        {
            Assert.Equal(trades.Count(t => t[1] == (string)instrument!["symbol"]!), (int)instrument!["trades"]!);
        }
    }

    [Fact]
    public async Task Three_silos_give_the_same_files()
    {
        var reference = await Reference.Value;
        var other = await RunOrleansAsync(new ClusterShape(3));
        Assert.Equal(reference.Trades, other.Trades);
        Assert.Equal(reference.Equity, other.Equity);
        Assert.Equal(reference.Report, other.Report);
    }

    [Fact]
    public async Task Two_silos_on_the_stream_transport_give_the_same_files()
    {
        var reference = await StreamReference.Value;
        Assert.Contains("\"NEW_5MIN_BAR\"", reference.Report, StringComparison.Ordinal);
        Assert.Contains("\"instruments\"", reference.Report, StringComparison.Ordinal);
        var other = await RunOrleansAsync(new ClusterShape(2, "stream"), StreamEndDate);
        Assert.Equal(reference.Trades, other.Trades);
        Assert.Equal(reference.Equity, other.Equity);
        Assert.Equal(reference.Report, other.Report);
    }

    [Fact]
    public async Task The_in_process_runner_makes_the_same_trades()
    {
        var reference = await Reference.Value;
        var root = Tree();
        try
        {
            var settings = TestSystem.LoadSettings(Settings("broadcast"), root);
            using var models = new ModelLoader().Load(ModelSource.FromSettings(settings));
            var runner = new InProcessRunner(settings, TestSystem.Registry, models: models);
            var result = await runner.RunAsync();
            Assert.Null(result.FatalError);

            var tracker = Assert.IsAssignableFrom<ICallableComponent>(runner.Find("performance_tracker")?.Component);
            var reply = (PerformanceReportReply)await tracker.AnswerAsync(new PerformanceReportRequest(), CancellationToken.None);
            Assert.Equal(reference.Trades, TradesCsvWriter.Write(reply.Trades));
            Assert.Equal(reference.Equity, EquityCsvWriter.Write(reply.Equity));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
