using System.CommandLine;
using AlgoSpace.Configuration;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Silo.Hosting;

/// <summary>
/// The silo's command line (seed PRD section 3.1). Parse errors and configuration errors both exit with
/// <see cref="ExitCodes.ConfigurationError"/>, before anything starts.
/// </summary>
public static class SiloCommandLine
{
    public const string DefaultConfig = "settings/settings.yaml";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = $"Settings file to run. Relative paths inside it are resolved against its folder. [default: {DefaultConfig}]",
            HelpName = "PATH",
        };
        var mode = new Option<string?>("--mode") { Description = "Override system.mode (live or backtest); validated with the rest of the file.", HelpName = "live|backtest" };
        mode.AcceptOnlyFromAmong("live", "backtest");
        var debug = new Option<bool>("--debug") { Description = "Same as --log-level DEBUG, plus debug diagnostics: the effective configuration (credentials redacted), log scopes and full exception details in the log." };
        var logLevel = new Option<string?>("--log-level") { Description = "Override system.log_level.", HelpName = "TRACE|DEBUG|INFO|WARNING|ERROR" };
        logLevel.AcceptOnlyFromAmong("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "trace", "debug", "info", "warning", "error");
        var validate = new Option<bool>("--validate") { Description = "Check the configuration, print every error and warning (or \"configuration valid\"), and exit: 0 when valid, 2 when not." };
        var printConfig = new Option<bool>("--print-config") { Description = "Print the effective configuration (defaults filled in, overrides and environment applied, credentials redacted) and exit." };
        var routes = new Option<bool>("--routes") { Description = "Print the event routing table (producers -> subscribers, per event type and mode, the kernel included) and exit." };
        var runner = new Option<string>("--runner")
        {
            Description = "orleans runs the system in an Orleans silo; in-process runs the same components from the same settings without Orleans (backtest only), the parity reference, and prints ticks/s. [default: orleans]",
            HelpName = "orleans|in-process",
            DefaultValueFactory = _ => "orleans",
        };
        runner.AcceptOnlyFromAmong("orleans", "in-process");
        var printSchema = new Option<bool>("--print-schema") { Description = "Print the JSON Schema of settings files (the one in settings/settings.schema.json) and exit." };

        var root = new RootCommand(
            "AlgoSpace Kernel silo: loads and validates a settings file, starts an Orleans silo and runs the trading system in live or backtest mode.\n\n" +
            "Exit codes: 0 success or graceful shutdown; 1 unexpected crash; 2 configuration or command-line error (nothing started); " +
            "3 a critical component failed to start; 4 emergency shutdown (fatal error or shutdown timeout exceeded).\n\n" +
            "Settings values may reference environment variables as ${env:NAME} or ${env:NAME:-default}; credentials must.")
        {
            config, mode, debug, logLevel, validate, printConfig, routes, printSchema, runner,
        };

        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration { Output = output, Error = error };
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors) await error.WriteLineAsync($"error: {parseError.Message}");
            await error.WriteLineAsync("Run with --help for the options.");
            return ExitCodes.ConfigurationError;
        }

        if (parsed.Action is not null && parsed.Action.GetType().Name.Contains("Help", StringComparison.Ordinal))
        {
            return await parsed.InvokeAsync(invocation, cancellation);
        }

        var levelText = parsed.GetValue(logLevel);
        if (parsed.GetValue(debug) && levelText is not null && !levelText.Equals("DEBUG", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"error: --debug sets the log level to DEBUG, but --log-level asks for {levelText.ToUpperInvariant()}; give one of them.");
            return ExitCodes.ConfigurationError;
        }

        var options = new SiloOptions(
            parsed.GetValue(config) ?? ProjectRoot.LocateDefault(DefaultConfig, Environment.GetEnvironmentVariable),
            parsed.GetValue(mode) is { } m ? (m == "live" ? TradingMode.Live : TradingMode.Backtest) : null,
            parsed.GetValue(debug) ? LogLevelSetting.Debug : ParseLevel(levelText),
            parsed.GetValue(debug),
            parsed.GetValue(validate),
            parsed.GetValue(printConfig),
            parsed.GetValue(printSchema))
        {
            PrintRoutes = parsed.GetValue(routes),
            InProcess = parsed.GetValue(runner) == "in-process",
        };
        return await SiloProgram.RunAsync(options, output, error, cancellation);
    }

    private static LogLevelSetting? ParseLevel(string? text) => text is null ? null : Enum.Parse<LogLevelSetting>(text, ignoreCase: true);
}
