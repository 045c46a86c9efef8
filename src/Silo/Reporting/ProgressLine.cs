using System.Globalization;
using AlgoSpace.MarketData.Replay;

namespace AlgoSpace.Silo.Reporting;

/// <summary>Renders a replay's progress: a bar for a terminal, or a sentence for a log.</summary>
public static class ProgressLine
{
    private const int BarWidth = 30;

    /// <summary>Ticks per second since the replay began, and the time left at that pace (null before any progress).</summary>
    public static (double Rate, TimeSpan? Eta) Pace(ReplayProgress progress, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        var fraction = progress.Fraction;
        TimeSpan? eta = fraction > 0 ? TimeSpan.FromSeconds(seconds * (1 - fraction) / fraction) : null;
        return (progress.Ticks / seconds, eta);
    }

    public static string Bar(ReplayProgress progress, TimeSpan elapsed)
    {
        var (rate, eta) = Pace(progress, elapsed);
        var filled = (int)Math.Round(progress.Fraction * BarWidth);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {100 * progress.Fraction,5:F1} %  {progress.Ticks} ticks  {rate:F0} ticks/s  ETA {Eta(eta)}  sim {Sim(progress.LastTick)}");
    }

    public static string Sentence(ReplayProgress progress, TimeSpan elapsed)
    {
        var (rate, eta) = Pace(progress, elapsed);
        return string.Create(CultureInfo.InvariantCulture,
            $"Replay {100 * progress.Fraction:F1} % of the file: {progress.Ticks} ticks, {rate:F0} ticks/s, about {Eta(eta)} left, sim time {Sim(progress.LastTick)}");
    }

    private static string Eta(TimeSpan? eta) => eta is { } e ? e.ToString(e.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture) : "--:--";

    private static string Sim(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
