using System.CommandLine;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Configuration;
using AlgoSpace.Silo.Terminal;

namespace AlgoSpace.Silo.Hosting;

/// <summary>
/// The silo's command line (seed PRD section 3.1). Parse errors and configuration errors both exit with
/// <see cref="ExitCodes.ConfigurationError"/>, before anything starts.
/// </summary>
public static class SiloCommandLine
{
    public const string DefaultConfig = "settings/settings.yaml";

    /// <param name="environment">Where settings look up ${env:NAME}; null is the process environment (tests pass their own).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default, Func<string, string?>? environment = null)
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
        var data = new Option<string?>("--data") { Description = "Replay this tick or bar CSV instead of data_handler.backtest_file (checked by the same path rules).", HelpName = "PATH" };
        var display = new Option<string>("--display")
        {
            Description = "auto shows a live display of the run on a terminal (progress, trades, P&L, health; warnings above it; the full log in the run folder) and plain log lines when the output is redirected or CI is set; plain always writes lines; live always draws the display. Ignored with log_format json. [default: auto]",
            HelpName = "auto|live|plain",
            DefaultValueFactory = _ => "auto",
        };
        display.AcceptOnlyFromAmong("auto", "live", "plain");
        var train = new Option<bool>("--train")
        {
            Description = "Train the decision models (RDE, embedders, shared policy, decision gate, M-RMS) deterministically on generated sample data and write them with their manifest into the folder the settings' models: paths name, then exit.",
        };
        var trainDays = new Option<int>("--train-days") { Description = "Trading days of sample data to generate for --train. [default: 120]", HelpName = "N", DefaultValueFactory = _ => 120 };
        var trainSeed = new Option<int>("--train-seed") { Description = "Seed of the generated data and of training for --train; differs from the shipped sample's seed (42), so the default backtest is out of sample. [default: 1]", HelpName = "N", DefaultValueFactory = _ => 1 };
        var trainEpochs = new Option<int>("--train-epochs") { Description = "Training epochs per model for --train. [default: 60]", HelpName = "N", DefaultValueFactory = _ => 60 };
        var printSchema = new Option<bool>("--print-schema") { Description = "Print the JSON Schema of settings files (the one in settings/settings.schema.json) and exit." };

        var root = new RootCommand(
            "AlgoSpace Kernel silo: loads and validates a settings file, starts an Orleans silo and runs the trading system in live or backtest mode.\n\n" +
            "Exit codes: 0 success or graceful shutdown; 1 unexpected crash; 2 configuration or command-line error (nothing started); " +
            "3 a critical component failed to start; 4 emergency shutdown (fatal error or shutdown timeout exceeded).\n\n" +
            "Settings values may reference environment variables as ${env:NAME} or ${env:NAME:-default}; credentials must.")
        {
            config, mode, debug, logLevel, validate, printConfig, routes, printSchema, runner, data, display, train, trainDays, trainSeed, trainEpochs,
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
            parsed.GetValue(config) ?? ProjectRoot.LocateDefault(DefaultConfig, environment ?? Environment.GetEnvironmentVariable),
            parsed.GetValue(mode) is { } m ? (m == "live" ? TradingMode.Live : TradingMode.Backtest) : null,
            parsed.GetValue(debug) ? LogLevelSetting.Debug : ParseLevel(levelText),
            parsed.GetValue(debug),
            parsed.GetValue(validate),
            parsed.GetValue(printConfig),
            parsed.GetValue(printSchema))
        {
            PrintRoutes = parsed.GetValue(routes),
            InProcess = parsed.GetValue(runner) == "in-process",
            DataFile = parsed.GetValue(data),
            Display = Enum.Parse<DisplayChoice>(parsed.GetValue(display) ?? "auto", ignoreCase: true),
            Train = parsed.GetValue(train) ? new TrainOptions(parsed.GetValue(trainDays), parsed.GetValue(trainSeed), parsed.GetValue(trainEpochs)) : null,
            EnvironmentVariables = environment ?? Environment.GetEnvironmentVariable,
        };
        if (options.Train is { Days: < 1 or > 2000 } or { Epochs: < 1 or > 100_000 })
        {
            await error.WriteLineAsync($"error: --train-days must be 1-2000 and --train-epochs 1-100000 (found {options.Train.Days} and {options.Train.Epochs}).");
            return ExitCodes.ConfigurationError;
        }

        return await SiloProgram.RunAsync(options, output, error, cancellation);
    }

    private static LogLevelSetting? ParseLevel(string? text) => text is null ? null : Enum.Parse<LogLevelSetting>(text, ignoreCase: true);
}
