using System.Text.Json;
using AlgoSpace.Grains.Interfaces;

namespace AlgoSpace.Tests.Process;

/// <summary>The silo as a user runs it: real processes, real exit codes, real output.</summary>
public sealed class SiloStartupTests
{
    // A bound for a hung process, not a speed target: the default job runs to its end, beside other tests.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Default_job_starts_a_silo_reports_ready_and_exits_0()
    {
        using var silo = SiloProcess.Start([]);
        var code = await silo.WaitForExitAsync(Timeout);

        Assert.True(code == ExitCodes.Success, silo.Output + silo.Error);
        Assert.Matches(@"AlgoSpace ready in \d+ ms: system (Running|Degraded|Stopped), mode backtest", silo.Output);
        Assert.Matches(@"Backtest complete: \d+ rows, \d+ ticks, 0 rejected", silo.Output);
        Assert.Contains("AlgoSpace stopped with exit code 0: backtest complete", silo.Output, StringComparison.Ordinal);
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
