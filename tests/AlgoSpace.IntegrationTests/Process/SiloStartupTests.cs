using System.Text.Json;
using System.Text.RegularExpressions;
using AlgoSpace.Grains.Interfaces;

namespace AlgoSpace.Tests.Process;

/// <summary>The silo as a user runs it: real processes, real exit codes, real output.</summary>
public sealed class SiloStartupTests
{
    // A bound for a hung process, not a speed target: the default job runs to its end, beside other tests.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Default_job_redirected_logs_lines_with_progress_and_the_report_once_and_keeps_the_full_log_in_the_run_folder()
    {
        // The README's first command with its output redirected (as in CI or a pipe): no display, log lines.
        using var silo = SiloProcess.Start([]);
        var code = await silo.WaitForExitAsync(Timeout);
        var output = silo.Output;

        Assert.True(code == ExitCodes.Success, output + silo.Error);
        Assert.Matches(@"AlgoSpace ready in \d+ ms: system (Running|Degraded|Stopped), mode backtest", output);
        Assert.Matches(@"Backtest complete: \d+ rows, \d+ ticks, 0 rejected", output);
        Assert.Contains("AlgoSpace stopped with exit code 0: backtest complete", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);

        // Progress every few seconds, not a line per 1,000 ticks (those are DEBUG).
        Assert.Matches(@"Replay \d+\.\d % of the file: \d+ ticks, \d+ ticks/s", output);
        Assert.DoesNotContain("ticks published, sim time", output, StringComparison.Ordinal);

        // The report once as a structured event, once as the table.
        Assert.Single(Regex.Matches(output, @"Run report of backtest-\S+ \(backtest, complete True\): \d+ trades, net P&L"));
        var lines = output.Split('\n');
        Assert.Single(lines, l => l.StartsWith("  Net P&L ", StringComparison.Ordinal));

        // The full INFO log is in the run folder: every INFO line written to stdout is in it too.
        var log = Regex.Match(output, @"Full log: (\S+silo(-\d+)?\.log)").Groups[1].Value;
        Assert.True(File.Exists(log), $"no log file '{log}' named in:\n{output}");
        var text = File.ReadAllText(log);
        Assert.DoesNotContain('\u001b', text);
        var stdoutInfo = lines.Where(l => l.Length > 13 && l[13..].StartsWith("info: ", StringComparison.Ordinal)).Select(l => l[13..].TrimEnd('\r')).ToList();
        Assert.True(stdoutInfo.Count > 20, output);
        Assert.All(stdoutInfo, l => Assert.Contains(l, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_configuration_exits_2_without_starting_a_silo()
    {
        var dir = Directory.CreateTempSubdirectory("algospace-invalid-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, ".algospace-root"), "");
            Directory.CreateDirectory(Path.Combine(dir.FullName, "settings"));
            var config = Path.Combine(dir.FullName, "settings", "broken.yaml");
            File.WriteAllText(config, "system:\n  mode: backtest\n  shutdown_timeout: -1\nevent_bus:\n  transport: carrier-pigeon\n");

            using var silo = SiloProcess.Start(["--config", config]);
            var code = await silo.WaitForExitAsync(Timeout);

            Assert.Equal(ExitCodes.ConfigurationError, code);
            Assert.Equal("", silo.Output);
            Assert.Contains("system.shutdown_timeout: found '-1'", silo.Error, StringComparison.Ordinal);
            Assert.Contains("event_bus.transport: found 'carrier-pigeon'", silo.Error, StringComparison.Ordinal);
            Assert.Contains("components: found no value", silo.Error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Json_log_format_writes_one_json_object_per_line()
    {
        // live.yaml (which logs to the console) with log_format: json, run as a backtest of the small sample.
        using var tree = new Live.LiveSiloTree();
        var config = tree.WriteSettings(new Uri("ws://127.0.0.1:9/ticks"), RepositoryRoot.File("data", "sample", "ES-ticks-sample.csv"), jsonLogs: true);
        using var silo = SiloProcess.Start(["--config", config, "--mode", "backtest"]);
        var code = await silo.WaitForExitAsync(Timeout);

        Assert.True(code == ExitCodes.Success, silo.Output + silo.Error);
        var lines = silo.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("LogLevel", out _), line);
        }

        Assert.Contains(lines, l => l.Contains("AlgoSpace ready in", StringComparison.Ordinal));

        // No table among the JSON lines; the report is one event whose figures are fields. The log file in the run
        // folder is JSON lines too, with the same report event.
        var report = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("EventId").GetInt32() == 1510);
        Assert.Equal(JsonValueKind.Number, report.GetProperty("State").GetProperty("Trades").ValueKind);
        var logPath = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("EventId").GetInt32() == 1523)
            .Select(e => e.GetProperty("State").GetProperty("Path").GetString()).Single();
        var fileLines = File.ReadAllLines(logPath!);
        Assert.All(fileLines, l => Assert.True(JsonDocument.Parse(l).RootElement.TryGetProperty("LogLevel", out _), l));
        Assert.Contains(fileLines, l => l.Contains("\"EventId\":1510", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("settings.yaml")]
    [InlineData("backtest.yaml")]
    [InlineData("live.yaml")]
    public async Task Validate_exits_0_for_each_shipped_settings_file(string name)
    {
        using var silo = SiloProcess.Start(["--validate", "--config", RepositoryRoot.File("settings", name)]);
        var code = await silo.WaitForExitAsync(Timeout);
        Assert.True(code == 0, silo.Output + silo.Error);
        Assert.StartsWith("configuration valid", silo.Output, StringComparison.Ordinal);
    }
}
