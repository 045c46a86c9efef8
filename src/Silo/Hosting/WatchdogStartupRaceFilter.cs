using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlgoSpace.Silo.Hosting;

/// <summary>
/// Drops one false warning of Orleans' silo watchdog, and only that one. Watchdog.Start starts its platform thread
/// before it sets the component thread's timestamp, so when the new thread runs first (likely on a busy two-core
/// machine) it measures "Participant check thread has not completed for ..." from timestamp 0: the time since the
/// machine booted (05:33:31 in our logs), not a stall. No Orleans option avoids it (the period option only moves the
/// threshold, and would hide real stalls too), so the warning is filtered here by what makes it impossible: a stall
/// longer than this process has existed. Every other watchdog warning, and this one with a possible duration, is
/// logged as before; the dropped one is logged at Debug, so it stays visible to whoever looks.
/// </summary>
public sealed class WatchdogStartupRaceFilter(ILoggerFactory inner, TimeProvider? time = null) : ILoggerFactory
{
    /// <summary>The category of Orleans' watchdog (Orleans.Runtime.Watchdog, an internal type).</summary>
    public const string WatchdogCategory = "Orleans.Runtime.Watchdog";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _createdAt = (time ?? TimeProvider.System).GetTimestamp();

    /// <summary>Makes the logger factory of <paramref name="logging"/> this filter over the default one.</summary>
    public static void Install(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new WatchdogStartupRaceFilter(new LoggerFactory(
            services.GetServices<ILoggerProvider>(),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(),
            services.GetService<IExternalScopeProvider>()))));
    }

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName == WatchdogCategory ? new Filtered(logger, this) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Whether a watchdog entry is the start-up race's: a participant-check stall longer than this process has run.</summary>
    public bool IsImpossibleStall<TState>(LogLevel level, EventId eventId, TState state)
    {
        if (level != LogLevel.Warning || eventId.Id != (int)Orleans.ErrorCode.SiloHeartbeatTimerStalled) return false;
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> fields) return false;
        var format = fields.FirstOrDefault(f => f.Key == "{OriginalFormat}").Value as string;
        if (format?.StartsWith("Participant check thread", StringComparison.Ordinal) != true) return false;
        return fields.FirstOrDefault(f => f.Key == "TimeSinceLastTick").Value is TimeSpan stall && stall > _time.GetElapsedTime(_createdAt);
    }

    private sealed class Filtered(ILogger logger, WatchdogStartupRaceFilter filter) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logger.Log(filter.IsImpossibleStall(logLevel, eventId, state) ? LogLevel.Debug : logLevel, eventId, state, exception, formatter);
    }
}
