using AlgoSpace.Silo.Logging;

namespace AlgoSpace.Silo.Terminal;

/// <summary>
/// The console's log under the live display: only what a person at the terminal needs to see as it happens
/// (warnings, errors, and the run's milestones) is written above the display; everything else at the configured
/// level is in the run's log file. See <see cref="IsMilestone"/> for the milestones.
/// </summary>
public sealed class TerminalLog(LiveDisplay display) : ILoggerProvider
{
    /// <summary>
    /// INFO lines worth a line on the terminal, by event id, from AlgoSpace's own categories: the configuration
    /// loaded (100), ready (110), stopped (112), where the full log is (1523 at the start, 114 at the end), and
    /// each step of the run sequence (240).
    /// </summary>
    public static bool IsMilestone(string category, EventId eventId) =>
        category.StartsWith("AlgoSpace.", StringComparison.Ordinal) && eventId.Id is 100 or 110 or 112 or 114 or 240 or 1523;

    public static bool Shows(LogLevel level, string category, EventId eventId) =>
        level >= LogLevel.Warning || (level == LogLevel.Information && IsMilestone(category, eventId));

    public ILogger CreateLogger(string categoryName) => new Logger(display, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LiveDisplay display, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!Shows(logLevel, category, eventId)) return;
            var entry = LogEntryFormat.Capture(category, logLevel, eventId, state, exception, formatter);
            display.WriteAbove(Colour(logLevel, LogEntryFormat.Text(entry with { TimestampUtc = entry.TimestampUtc.ToLocalTime() }, dateAndZone: false)));
        }

        private static string Colour(LogLevel level, string line) => level switch
        {
            LogLevel.Warning => $"\u001b[33m{line}\u001b[0m",
            >= LogLevel.Error => $"\u001b[31m{line}\u001b[0m",
            _ => line,
        };
    }
}
