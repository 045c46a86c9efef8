using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Silo.Configuration;
using AlgoSpace.Silo.Hosting;

namespace AlgoSpace.Tests.CommandLine;

/// <summary>The silo's command line, run in-process: options, overrides, exit codes and what is printed.</summary>
public sealed class SiloCommandLineTests
{
    private static Task<(int ExitCode, string Output, string Error)> Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs with <paramref name="environment"/> as the settings' environment, leaving the process's alone.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunWith(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Func<string, string?>? lookup = environment is null ? null : name => environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);
        var code = await SiloCommandLine.RunAsync(args, output, error, environment: lookup);
        return (code, output.ToString(), error.ToString());
    }

    private static string Shipped(string name) => RepositoryRoot.File("settings", name);

    [Fact]
    public async Task Help_documents_every_option_and_the_exit_codes()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--config", "--mode", "--debug", "--log-level", "--validate", "--print-config", "--routes", "--print-schema", "--runner", "--display", "--help" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        Assert.Contains("2 configuration or command-line error", output, StringComparison.Ordinal);
        Assert.Contains("4 emergency shutdown", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Display_accepts_auto_live_and_plain_only()
    {
        var (code, _, error) = await Run("--display", "fancy", "--validate", "--config", Shipped("settings.yaml"));
        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("fancy", error, StringComparison.Ordinal);

        foreach (var choice in new[] { "auto", "live", "plain" })
        {
            Assert.Equal(0, (await Run("--display", choice, "--validate", "--config", Shipped("settings.yaml"))).ExitCode);
        }
    }

    [Theory]
    [InlineData("settings.yaml")]
    [InlineData("backtest.yaml")]
    [InlineData("live.yaml")]
    public async Task Validate_accepts_each_shipped_settings_file(string name)
    {
        var (code, output, _) = await Run("--validate", "--config", Shipped(name));
        Assert.True(code == 0, output);
        Assert.StartsWith("configuration valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_reports_errors_and_warnings_apart_and_exits_2()
    {
        using var tree = new TestProjectTree();
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "Corpus", "models-missing-file-is-warning.yaml"))
            .Replace("  max_daily_loss: 5000", "  max_daily_loss: -5", StringComparison.Ordinal);
        var (code, output, _) = await Run("--validate", "--config", tree.WriteSettings("mixed.yaml", yaml));

        Assert.Equal(ExitCodes.ConfigurationError, code);
        var errorsAt = output.IndexOf("Errors:", StringComparison.Ordinal);
        var warningsAt = output.IndexOf("Warnings:", StringComparison.Ordinal);
        Assert.True(errorsAt >= 0 && warningsAt > errorsAt, output);
        Assert.Contains("risk_management.max_daily_loss: found '-5'", output[errorsAt..warningsAt], StringComparison.Ordinal);
        Assert.Contains("warning: models.mrms_path", output[warningsAt..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_exits_2_before_anything_starts_and_names_the_key()
    {
        using var tree = new TestProjectTree();
        var path = tree.WriteSettings("broken.yaml", "system:\n  mode: backtest\n  shutdown_timeout: forever\n");
        var (code, output, error) = await Run("--config", path);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Equal("", output);
        Assert.Contains("system.shutdown_timeout: found 'forever'", error, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:3:21", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_settings_file_exits_2_and_names_the_path()
    {
        var (code, _, error) = await Run("--config", "/nonexistent/settings.yaml");
        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("no file at /nonexistent/settings.yaml", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mode", "paper")]
    [InlineData("--log-level", "LOUD")]
    [InlineData("--no-such-option")]
    [InlineData("--debug", "--log-level", "ERROR")]
    public async Task Command_line_errors_exit_2(params string[] args)
    {
        var (code, _, error) = await Run(args);
        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mode_override_is_validated_with_the_file_and_named_in_the_message()
    {
        using var tree = new TestProjectTree();
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "Corpus", "contradiction-handler-mode.yaml"))
            .Replace("  mode: live\n", "  mode: backtest\n", StringComparison.Ordinal);
        var (code, _, error) = await Run("--config", tree.WriteSettings("override.yaml", yaml), "--mode", "live");

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("expected 'live' to agree with system.mode (set by --mode)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_config_applies_overrides_and_fills_defaults()
    {
        var (code, output, _) = await Run("--print-config", "--config", Shipped("live.yaml"), "--mode", "backtest", "--debug");
        Assert.Equal(0, code);
        Assert.Contains("  mode: backtest", output, StringComparison.Ordinal);
        Assert.Contains("  log_level: DEBUG", output, StringComparison.Ordinal);
        Assert.Contains("  k_neighbors: 200", output, StringComparison.Ordinal);
        Assert.Contains("url: ws://127.0.0.1:8765/ticks", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_config_redacts_credentials_from_the_environment()
    {
        const string variable = "ALGOSPACE_CLI_TEST_REDIS";
        const string secret = "redis-password-that-must-not-print";
        using var tree = new TestProjectTree();
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Configuration", "Corpus", "valid-minimal.yaml"))
            + $"cluster:\n  provider: redis\n  redis_connection: ${{env:{variable}}}\n";
        var (code, output, _) = await RunWith(new Dictionary<string, string> { [variable] = secret }, "--print-config", "--config", tree.WriteSettings("redis.yaml", yaml));

        Assert.Equal(0, code);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        Assert.Contains($"redis_connection: '{SettingsPrinter.Redacted}'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_prints_each_event_with_its_producers_and_subscribers_in_order_for_each_mode()
    {
        var (code, output, _) = await Run("--routes", "--config", Shipped("settings.yaml"));
        Assert.Equal(0, code);
        Assert.Contains("backtest mode (active):", output, StringComparison.Ordinal);
        Assert.Contains("live mode:", output, StringComparison.Ordinal);
        Assert.Contains("  NEW_TICK: data_handler -> bar_generator, execution_handler", output, StringComparison.Ordinal);
        Assert.Contains("  TRADE_CLOSED: execution_handler -> m_rms, main_marl_core, performance_tracker, kernel", output, StringComparison.Ordinal);
        Assert.Contains("  CONNECTION_LOST: data_handler -> kernel", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_schema_prints_the_committed_schema()
    {
        var (code, output, _) = await Run("--print-schema");
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(RepositoryRoot.File("settings", "settings.schema.json")), output);
    }

    [Fact]
    public async Task Runner_in_process_replays_the_shipped_sample_and_prints_ticks_per_second()
    {
        // --data replaces the default job's 20-day file with the 5-day sample.
        var (code, output, error) = await Run("--runner", "in-process", "--config", Shipped("settings.yaml"), "--log-level", "ERROR",
            "--data", RepositoryRoot.File("data", "sample", "ES-ticks-sample.csv"));
        Assert.True(code == 0, error);
        // data/sample/ES-ticks-sample.csv has 80,281 valid tick rows (header excluded), all published.
        Assert.Contains("in-process runner: 80281 ticks", output, StringComparison.Ordinal);
        Assert.Contains("ticks/s", output, StringComparison.Ordinal);
        Assert.Contains("bar_generator:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_accepts_only_orleans_or_in_process()
    {
        var (code, _, error) = await Run("--runner", "threads", "--validate", "--config", Shipped("settings.yaml"));
        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("threads", error, StringComparison.Ordinal);
    }
}
