namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Infers a bar file's bar duration from its data: the most common positive gap between consecutive bar
/// timestamps (ties go to the shorter gap). Session breaks and weekends make longer gaps, but rarer ones, so for
/// the real 30-minute files this is 30 minutes (97-98 % of their steps). Files carry no duration of their own.
/// </summary>
public sealed class BarDurationEstimator
{
    private readonly Dictionary<long, int> _gaps = [];
    private DateTime? _previous;

    public int Samples { get; private set; }

    public void Add(DateTime barStart)
    {
        if (_previous is { } previous && barStart > previous)
        {
            var gap = (barStart - previous).Ticks;
            _gaps[gap] = _gaps.GetValueOrDefault(gap) + 1;
            Samples++;
        }

        _previous = barStart;
    }

    /// <summary>The most common gap, or null when no two bars were in increasing order.</summary>
    public TimeSpan? Estimate() =>
        _gaps.Count == 0
            ? null
            : TimeSpan.FromTicks(_gaps.OrderByDescending(g => g.Value).ThenBy(g => g.Key).First().Key);
}
