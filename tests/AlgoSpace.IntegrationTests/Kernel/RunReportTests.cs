using System.Globalization;
using System.Text;
using System.Text.Json;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Reporting;
using AlgoSpace.Tests.Support;

namespace AlgoSpace.Tests.Kernel;

/// <summary>The end-of-run report of a backtest on a real cluster: the run folder and what report.json says.</summary>
public sealed class RunReportTests
{
    private static readonly string PipelineYaml = new TestSettings
    {
        Components = TestSettings.BacktestHandlers + "\n" + """
            - name: performance_tracker
              type: performance_tracker
              subscribes: [TRADE_CLOSED]
            """,
    }.Build();

    [Fact]
    public async Task A_finished_backtest_writes_the_four_files_and_a_report_with_the_expected_keys()
    {
        // 180 ticks, one every 10 s from 09:30 (30 minutes: six 5-minute bars), and one row that cannot be read.
        var data = new StringBuilder("timestamp,price,volume\n");
        for (var i = 0; i < 180; i++)
        {
            data.Append(CultureInfo.InvariantCulture, $"{new DateTime(2024, 1, 2, 9, 30, 0).AddSeconds(10 * i):yyyy-MM-ddTHH:mm:ss},{4750 + i % 4 * 0.25:F2},1\n");
            if (i == 90) data.Append("2024-01-02T09:45:01,not-a-price,1\n");
        }

        await using var system = await TestSystem.StartAsync(PipelineYaml, prepare: root => File.WriteAllText(Path.Combine(root, "data", "ticks.csv"), data.ToString()));
        var settings = system.Settings;
        var status = await system.WaitForAsync(TimeSpan.FromSeconds(60), SystemState.Stopped, SystemState.Faulted);
        Assert.Equal(SystemState.Stopped, status.State);

        var folder = Path.Combine(settings.System.OutputDir, RunFolderWriter.SafeName(status.RunId));
        foreach (var (_, file) in RunFolderWriter.Files) Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing from {folder}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        var json = report.RootElement;
        Assert.Equal(
            ["report_version", "mode", "run_seed", "data_file", "complete", "initial_capital", "performance_tracker", "simulation", "statistics", "input", "events_handled", "files", "timing"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.True(json.GetProperty("complete").GetBoolean());
        Assert.Equal("ticks.csv", json.GetProperty("data_file").GetString());
        Assert.True(json.GetProperty("performance_tracker").GetProperty("present").GetBoolean());
        Assert.Equal(0, json.GetProperty("statistics").GetProperty("trades").GetInt32());
        Assert.Equal(180, json.GetProperty("input").GetProperty("ticks").GetInt64());
        Assert.Equal(1, json.GetProperty("input").GetProperty("rejected_rows").GetInt64());
        // Events are counted per delivery: the 180 ticks travel as six NEW_TICK batches (one per 5-minute bucket,
        // event_bus.tick_batch_size 4096) to one subscriber, the execution handler.
        Assert.Equal(6, json.GetProperty("events_handled").GetProperty("NEW_TICK").GetInt64());
        Assert.Equal(status.RunId, json.GetProperty("timing").GetProperty("run_id").GetString());
        Assert.StartsWith(TradesCsvWriter.Header + "\n", await File.ReadAllTextAsync(Path.Combine(folder, "trades.csv")), StringComparison.Ordinal);
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(Path.Combine(folder, "equity.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_performance_tracker_the_report_says_it_was_absent()
    {
        await using var system = await TestSystem.StartAsync(KernelYaml.System());
        var status = await system.WaitForAsync(TimeSpan.FromSeconds(30), SystemState.Stopped, SystemState.Faulted);

        var folder = Path.Combine(system.Settings.System.OutputDir, RunFolderWriter.SafeName(status.RunId));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "report.json")));
        var tracker = report.RootElement.GetProperty("performance_tracker");
        Assert.False(tracker.GetProperty("present").GetBoolean());
        Assert.Contains("no performance_tracker component", tracker.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("statistics").ValueKind);
        // The source publishes TEST_NUMBER 1..10 to two subscribers (recorder, execution).
        Assert.Equal(20, report.RootElement.GetProperty("events_handled").GetProperty("TEST_NUMBER").GetInt64());
    }
}
