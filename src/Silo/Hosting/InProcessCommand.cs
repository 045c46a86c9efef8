using System.Globalization;
using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Models;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Silo.Hosting;

/// <summary>
/// --runner in-process: the backtest run by <see cref="InProcessRunner"/>, without Orleans, with the silo's logging;
/// prints the ticks per second and each component's cost per event.
/// </summary>
public static class InProcessCommand
{
    public static async Task<int> RunAsync(LoadedSettings loaded, SiloOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var settings = loaded.Settings!;
        if (settings.System.Mode != TradingMode.Backtest)
        {
            await error.WriteLineAsync("error: --runner in-process replays backtests only; system.mode is live (use --mode backtest or the Orleans runner).");
            return ExitCodes.ConfigurationError;
        }

        using var loggers = LoggerFactory.Create(logging => LoggingSetup.Configure(logging, settings.System, options.Debug));
        var registry = loaded.Registry!;
        var needsModels = settings.Components.Any(c => registry.Catalog.Find(c.Type)?.Models.Count > 0);
        using var models = needsModels ? new ModelLoader(loggers.CreateLogger<ModelLoader>()).Load(ModelSource.FromSettings(settings)) : null;
        var runner = new InProcessRunner(settings, registry, loggers, models);
        InProcessResult result;
        try
        {
            result = await runner.RunAsync(cancellation);
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.CriticalComponentFailed;
        }

        await output.WriteAsync(Describe(result));
        return result.FatalError is null ? ExitCodes.Success : ExitCodes.EmergencyShutdown;
    }

    public static string Describe(InProcessResult result)
    {
        var text = new System.Text.StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"in-process runner: {result.Ticks} ticks, {result.Events} events in {result.Elapsed.TotalSeconds:F3} s: {result.TicksPerSecond:F0} ticks/s");
        foreach (var cost in result.Costs)
        {
            text.AppendLine(c, $"  {cost.Component}: {cost.Handled} events, {cost.MicrosecondsPerEvent:F3} us/event (own handler time)");
        }

        if (result.FatalError is { } fatal) text.AppendLine(c, $"stopped early: {fatal}");
        return text.ToString();
    }
}
