using AlgoSpace.MarketData.Replay;

namespace AlgoSpace.Silo.Reporting;

/// <summary>
/// A replay's pace as this process has seen it: ticks per second and the time left, measured from the first
/// observation rather than from the file's start, so a resumed run (which starts with ticks already published)
/// shows its real pace, not one inflated by the previous incarnation's work.
/// </summary>
public sealed class PaceMeter
{
    private (long Ticks, double Fraction, TimeSpan At)? _first;

    public (double Rate, TimeSpan? Eta) Observe(ReplayProgress progress, TimeSpan at)
    {
        _first ??= (progress.Ticks, progress.Fraction, at);
        var (ticks, fraction, first) = _first.Value;
        var seconds = (at - first).TotalSeconds;
        if (seconds <= 0) return (0, null);
        var done = progress.Fraction - fraction;
        TimeSpan? eta = progress.Complete ? TimeSpan.Zero : done > 0 ? TimeSpan.FromSeconds(seconds * (1 - progress.Fraction) / done) : null;
        return ((progress.Ticks - ticks) / seconds, eta);
    }
}
