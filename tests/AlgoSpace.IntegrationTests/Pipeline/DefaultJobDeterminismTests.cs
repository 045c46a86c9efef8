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
/// The default job itself (settings/settings.yaml, the committed models, the shipped 20-day sample cut at its sixth
/// trading day) gives byte-identical trades.csv, equity.csv and report.json (without its timing object) on 1 and 2
/// silos, on both bus transports, and the in-process runner gives the same trades: determinism and parity over the
/// whole pipeline, from the data handler through indicators, matrices, synergies, RDE, MARL, M-RMS and execution.
/// </summary>
public sealed class DefaultJobDeterminismTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>The first trades of the sample close on 2024-01-08 and 2024-01-09 (RDE warm-up takes the first four days).</summary>
    private const string EndDate = "2024-01-09";

    private static readonly Lazy<Task<RunFiles>> Reference = new(() => RunOrleansAsync(new ClusterShape(1)));

    private sealed record RunFiles(string Trades, string Equity, string Report);

    /// <summary>The default settings, cut at <see cref="EndDate"/>, in memory persistence, without telemetry, on <paramref name="transport"/>.</summary>
    private static string Settings(string transport)
    {
        var yaml = File.ReadAllText(RepositoryRoot.File("settings", "settings.yaml"))
            .Replace("transport: broadcast", $"transport: {transport}", StringComparison.Ordinal)
            .Replace("persistence:\n", "persistence:\n  provider: memory\n", StringComparison.Ordinal)
            .Replace("backtesting:\n", $"backtesting:\n  end_date: {EndDate}\n", StringComparison.Ordinal);
        Assert.Contains("provider: memory", yaml, StringComparison.Ordinal);
        Assert.Contains($"end_date: {EndDate}", yaml, StringComparison.Ordinal);
        return yaml + "\ntelemetry:\n  enabled: false\n";
    }

    /// <summary>A project tree with the shipped sample and the committed models, as the default job sees them.</summary>
    private static string Tree() => DefaultJobFiles.NewTree("algospace-default-job-");

    private static async Task<RunFiles> RunOrleansAsync(ClusterShape shape)
    {
        var root = Tree();
        await using var system = await TestSystem.StartAsync(Settings(shape.Transport), shape.Silos, root);
        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);
        Assert.True(status.State == SystemState.Stopped, string.Join("\n", status.Transitions.Select(t => $"{t.From}->{t.To}: {t.Cause}")));
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(root, "output")), d => File.Exists(Path.Combine(d, "report.json")));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")))!.AsObject();
        Assert.True(report.Remove("timing"), "report.json has a timing object");
        return new RunFiles(await File.ReadAllTextAsync(Path.Combine(folder, "trades.csv")), await File.ReadAllTextAsync(Path.Combine(folder, "equity.csv")),
            report.ToJsonString());
    }

    [Fact]
    public async Task The_default_job_trades_and_repeats_itself_byte_for_byte_on_one_silo()
    {
        var first = await Reference.Value;
        var second = await RunOrleansAsync(new ClusterShape(1));

        // The decision chain really ran: at least three trades, each with a decision id from simulation time.
        var trades = first.Trades.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.True(trades.Count >= 3, first.Trades);
        Assert.All(trades, t => Assert.StartsWith("EX_2024010", t, StringComparison.Ordinal));
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(2, "broadcast")]
    [InlineData(1, "stream")]
    public async Task Two_silos_and_the_stream_transport_give_the_same_files(int silos, string transport)
    {
        var reference = await Reference.Value;
        var other = await RunOrleansAsync(new ClusterShape(silos, transport));
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
