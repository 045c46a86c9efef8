using AlgoSpace.Silo.Hosting;
using AlgoSpace.Tests.Components;
using AlgoSpace.Tests.Components.Hosting;
using Microsoft.Extensions.Logging;

namespace AlgoSpace.Tests.Logging;

/// <summary>
/// Orleans' watchdog warns once at start-up of a participant-check stall measured from timestamp 0 (the machine's
/// uptime); the filter drops that one to Debug and keeps every watchdog warning that could be true.
/// </summary>
public sealed class WatchdogStartupRaceFilterTests
{
    private const int Stalled = 100150;

    // The watchdog's own messages (Orleans' Watchdog.cs), with its structured fields.
    private static readonly Action<ILogger, TimeSpan, Exception?> ParticipantCheckStalled = LoggerMessage.Define<TimeSpan>(LogLevel.Warning, new EventId(Stalled),
        "Participant check thread has not completed for {TimeSinceLastTick}, potentially indicating lock contention or deadlock, CPU starvation, or another execution anomaly.");

    private static readonly Action<ILogger, TimeSpan, TimeSpan, Exception?> PlatformStalled = LoggerMessage.Define<TimeSpan, TimeSpan>(LogLevel.Warning, new EventId(Stalled),
        ".NET Runtime Platform stalled for {TimeSinceLastTick}. Total GC Pause duration during that period: {PauseDurationSinceLastTick}.");

    private readonly RecordingLogger _recorded = new();
    private readonly ManualTime _time = new();

    private ILogger Watchdog() => new WatchdogStartupRaceFilter(new OneLoggerFactory(_recorded), _time).CreateLogger(WatchdogStartupRaceFilter.WatchdogCategory);

    [Fact]
    public void A_participant_check_stall_longer_than_the_process_has_run_is_logged_at_debug()
    {
        var watchdog = Watchdog();
        _time.Advance(TimeSpan.FromSeconds(2));

        ParticipantCheckStalled(watchdog, new TimeSpan(5, 33, 31), null);

        var entry = Assert.Single(_recorded.Entries);
        Assert.Equal((LogLevel.Debug, Stalled), (entry.Level, entry.EventId));
        Assert.Contains("05:33:31", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stalls_that_could_be_true_and_other_categories_keep_their_warning()
    {
        var watchdog = Watchdog();
        _time.Advance(TimeSpan.FromMinutes(10));

        ParticipantCheckStalled(watchdog, TimeSpan.FromSeconds(25), null);
        PlatformStalled(watchdog, new TimeSpan(5, 0, 0), TimeSpan.Zero, null);
        ParticipantCheckStalled(new WatchdogStartupRaceFilter(new OneLoggerFactory(_recorded), _time).CreateLogger("Orleans.Other"), new TimeSpan(5, 0, 0), null);

        Assert.Equal([LogLevel.Warning, LogLevel.Warning, LogLevel.Warning], _recorded.Entries.Select(e => e.Level));
    }

    [Fact]
    public void The_silos_logging_setup_installs_the_filter()
    {
        var recorded = new RecordingLogger();
        using var loggers = LoggerFactory.Create(logging =>
        {
            LoggingSetup.Configure(logging, new AlgoSpace.Grains.Interfaces.Configuration.SystemSettings(), debug: false);
            logging.ClearProviders();
            logging.AddProvider(new OneLoggerProvider(recorded));
        });

        ParticipantCheckStalled(loggers.CreateLogger(WatchdogStartupRaceFilter.WatchdogCategory), TimeSpan.FromDays(3), null);
        ParticipantCheckStalled(loggers.CreateLogger(WatchdogStartupRaceFilter.WatchdogCategory), TimeSpan.Zero, null);

        // The impossible one went to Debug, below the configured level; the possible one is still a warning.
        var entry = Assert.Single(recorded.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("00:00:00", entry.Message, StringComparison.Ordinal);
    }

    private sealed class OneLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class OneLoggerProvider(ILogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
