using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Reporting;

/// <summary>Assembles a <see cref="RunReport"/> from what the kernel gathered at the end of a run.</summary>
public static class RunReportBuilder
{
    public static RunReport Build(
        AlgoSpaceSettings settings,
        string? tracker,
        string? trackerNote,
        PerformanceReportReply? performance,
        BacktestCompletePayload? complete,
        IEnumerable<BusCounters> counters,
        RunTimingInput timing)
    {
        var handled = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long ticksSeen = 0;
        foreach (var component in counters)
        {
            foreach (var (type, count) in component.HandledByType) handled[type] = handled.GetValueOrDefault(type) + count;
            // Each tick is delivered once to each subscriber: the busiest subscriber saw every tick.
            ticksSeen = Math.Max(ticksSeen, component.HandledByType.GetValueOrDefault(EventTypes.NewTick));
        }

        var input = complete is null ? null : new InputSummary(complete.TotalRows, complete.SuccessCount, complete.ErrorCount);
        var ticks = complete?.SuccessCount ?? ticksSeen;
        return new RunReport(
            settings.System.Mode.ToString().ToLowerInvariant(),
            settings.System.RunSeed,
            settings.System.Mode == TradingMode.Live ? FeedName(settings.DataHandler.Live.Url) : settings.DataHandler.BacktestFileNames(settings.Symbols),
            complete is not null,
            settings.Backtesting.InitialCapital,
            tracker,
            trackerNote,
            performance,
            input,
            handled,
            new RunTiming(timing.RunId, timing.StartedUtc, timing.FinishedUtc, timing.RunTime, ticks))
        {
            Instruments = settings.Symbols.Count > 1 && performance is not null ? InstrumentResult.From(settings.Symbols, performance.Trades) : [],
        };
    }

    /// <summary>A live run's source: the feed URL without its query (which may carry a key).</summary>
    private static string FeedName(string? url) => url is null ? "" : url.Split('?', 2)[0];
}

/// <summary>The wall-clock facts the kernel measured.</summary>
public sealed record RunTimingInput(string RunId, DateTime StartedUtc, DateTime FinishedUtc, TimeSpan RunTime);
