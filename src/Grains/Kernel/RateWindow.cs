namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// Event rates by type from cumulative counts sampled over time: the rate is the difference between the newest
/// sample and the oldest one inside the window, divided by the time between them. Counts that go down (a mode
/// switch created fresh components) start the window again.
/// </summary>
public sealed class RateWindow(TimeSpan window)
{
    private readonly Queue<(DateTime At, IReadOnlyDictionary<string, long> Totals)> _samples = new();

    public TimeSpan Window { get; } = window;

    public void Add(DateTime at, IReadOnlyDictionary<string, long> totals)
    {
        if (_samples.Count > 0)
        {
            var newest = _samples.Last().Totals;
            if (newest.Any(kv => totals.GetValueOrDefault(kv.Key) < kv.Value)) _samples.Clear();
        }

        _samples.Enqueue((at, totals));
        while (_samples.Count > 2 && at - _samples.Peek().At > Window) _samples.Dequeue();
    }

    /// <summary>Events per second by type; empty until two samples at least 100 ms apart exist.</summary>
    public IReadOnlyDictionary<string, double> Rates()
    {
        if (_samples.Count < 2) return new Dictionary<string, double>();
        var (from, oldest) = _samples.Peek();
        var (to, newest) = _samples.Last();
        var seconds = (to - from).TotalSeconds;
        if (seconds < 0.1) return new Dictionary<string, double>();
        return newest.ToDictionary(kv => kv.Key, kv => (kv.Value - oldest.GetValueOrDefault(kv.Key)) / seconds, StringComparer.Ordinal);
    }

    /// <summary>The time the rates are measured over.</summary>
    public TimeSpan Span => _samples.Count < 2 ? TimeSpan.Zero : _samples.Last().At - _samples.Peek().At;
}
