using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Terminal;
using Microsoft.Extensions.Logging.Console;

namespace AlgoSpace.Silo.Hosting;

/// <summary>
/// Logging from settings, at the configured level: the console in the process's style (readable lines, JSON lines,
/// or under the live display only warnings, errors and milestones), and, for a silo, the run's full log file.
/// </summary>
public static class LoggingSetup
{
    public static LogLevel ToLogLevel(LogLevelSetting level) => level switch
    {
        LogLevelSetting.Trace => LogLevel.Trace,
        LogLevelSetting.Debug => LogLevel.Debug,
        LogLevelSetting.Info => LogLevel.Information,
        LogLevelSetting.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };

    /// <summary>Configures <paramref name="logging"/>; without <paramref name="console"/> (the in-process runner), console lines only.</summary>
    public static void Configure(ILoggingBuilder logging, SystemSettings system, bool debug, SiloConsole? console = null)
    {
        logging.ClearProviders();
        var level = ToLogLevel(system.LogLevel);
        logging.SetMinimumLevel(level);

        // Orleans and ASP.NET log their own start-up at Information; below TRACE only their warnings are
        // worth an operator's attention, and at DEBUG their Information lines.
        var frameworkLevel = level switch
        {
            LogLevel.Trace => LogLevel.Trace,
            LogLevel.Debug => LogLevel.Information,
            _ => (LogLevel)Math.Max((int)level, (int)LogLevel.Warning),
        };
        logging.AddFilter("Orleans", frameworkLevel);
        logging.AddFilter("Microsoft", frameworkLevel);
        logging.AddFilter("Polly", frameworkLevel);

        // Orleans' watchdog warns once at start-up of a "stall" as long as the machine's uptime (a race in its own
        // start); WatchdogStartupRaceFilter explains and drops that one entry, and keeps every real watchdog warning.
        WatchdogStartupRaceFilter.Install(logging);

        if (console is not null) logging.AddProvider(console.LogFile);
        if (console?.Display is { } display)
        {
            logging.AddProvider(new TerminalLog(display));
        }
        else if (system.LogFormat == LogFormat.Json)
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = debug;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = !debug;
                options.IncludeScopes = debug;
                options.TimestampFormat = "HH:mm:ss.fff ";
                options.ColorBehavior = LoggerColorBehavior.Default;
            });
        }
    }
}
