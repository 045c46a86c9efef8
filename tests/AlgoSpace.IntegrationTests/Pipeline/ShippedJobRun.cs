using System.Text.Json.Nodes;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Reporting;
using AlgoSpace.Tests.Kernel;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>What a determinism test compares byte for byte: trades.csv, equity.csv, and report.json without its timing.</summary>
public sealed record JobFiles(string Trades, string Equity, string Report);

/// <summary>
/// A shipped settings file (the default job, the portfolio) run for the determinism tests: cut at a date, with
/// memory persistence and without telemetry, on an Orleans test cluster of any shape or in the in-process runner.
/// </summary>
public static class ShippedJobRun
{
    /// <summary>settings/<paramref name="file"/> cut at <paramref name="endDate"/>, in memory persistence, without telemetry, on <paramref name="transport"/>.</summary>
    public static string Settings(string file, string transport, string endDate)
    {
        var yaml = File.ReadAllText(RepositoryRoot.File("settings", file))
            .Replace("transport: broadcast", $"transport: {transport}", StringComparison.Ordinal)
            .Replace("persistence:\n", "persistence:\n  provider: memory\n", StringComparison.Ordinal)
            .Replace("backtesting:\n", $"backtesting:\n  end_date: {endDate}\n", StringComparison.Ordinal);
        Assert.Contains("provider: memory", yaml, StringComparison.Ordinal);
        Assert.Contains($"end_date: {endDate}", yaml, StringComparison.Ordinal);
        return yaml + "\ntelemetry:\n  enabled: false\n";
    }

    /// <summary>Runs the settings on <paramref name="silos"/> silos in the tree and reads the run folder under <paramref name="output"/> (relative to the tree).</summary>
    public static async Task<JobFiles> OrleansAsync(string yaml, string root, int silos, string output, TimeSpan timeout)
    {
        await using var system = await TestSystem.StartAsync(yaml, silos, root);
        var status = await system.WaitForAsync(timeout, SystemState.Stopped, SystemState.Faulted);
        Assert.True(status.State == SystemState.Stopped, string.Join("\n", status.Transitions.Select(t => $"{t.From}->{t.To}: {t.Cause}")));
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(root, output)), d => File.Exists(Path.Combine(d, "report.json")));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")))!.AsObject();
        Assert.True(report.Remove("timing"), "report.json has a timing object");
        return new JobFiles(await File.ReadAllTextAsync(Path.Combine(folder, "trades.csv")), await File.ReadAllTextAsync(Path.Combine(folder, "equity.csv")),
            report.ToJsonString());
    }

    /// <summary>Runs the settings in the in-process runner (no Orleans) and returns the tracker's trades.csv and equity.csv; deletes the tree.</summary>
    public static async Task<(string Trades, string Equity)> InProcessAsync(string yaml, string root)
    {
        try
        {
            var settings = TestSystem.LoadSettings(yaml, root);
            using var models = new ModelLoader().Load(ModelSource.FromSettings(settings));
            var runner = new InProcessRunner(settings, TestSystem.Registry, models: models);
            var result = await runner.RunAsync();
            Assert.Null(result.FatalError);

            var tracker = Assert.IsAssignableFrom<ICallableComponent>(runner.Find("performance_tracker")?.Component);
            var reply = (PerformanceReportReply)await tracker.AnswerAsync(new PerformanceReportRequest(), CancellationToken.None);
            return (TradesCsvWriter.Write(reply.Trades), EquityCsvWriter.Write(reply.Equity));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
