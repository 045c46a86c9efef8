using System.Globalization;
using AlgoSpace.MarketData.Replay;
using AlgoSpace.Silo.Terminal;

namespace AlgoSpace.Silo.Reporting;

/// <summary>The progress lines logged when the output is not a terminal.</summary>
public static class ProgressLine
{
    public static string Sentence(ReplayProgress progress, (double Rate, TimeSpan? Eta) pace) => string.Create(CultureInfo.InvariantCulture,
        $"Replay {100 * progress.Fraction:F1} % of the file: {progress.Ticks} ticks, {pace.Rate:F0} ticks/s, about {Eta(pace.Eta)} left, sim time {Sim(progress.LastTick)}");

    public static string Sentence(FeedFigures feed) => string.Create(CultureInfo.InvariantCulture,
        $"Feed {feed.State}: {feed.Published} ticks published, last tick {Sim(feed.LastTick)}, receipt to published p99 {feed.LatencyP99Us} us, {feed.Gaps} gaps, {feed.Reconnects} reconnects");

    private static string Eta(TimeSpan? eta) => eta is { } e ? e.ToString(e.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture) : "--:--";

    private static string Sim(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
