using System.Diagnostics;

namespace AlgoSpace.FeedReplay;

/// <summary>
/// When the tick at a cursor position is due: at <see cref="FeedReplayOptions.Rate"/> ticks per second, or at the
/// ticks' own spacing divided by <see cref="FeedReplayOptions.Speed"/>, counted from the first tick sent since the
/// last <see cref="Pause"/> (the clock stops while no client is connected); always at once when neither is set.
/// </summary>
internal sealed class Pacing(FeedReplayOptions options)
{
    private long? _originAt;
    private long _originCursor;
    private DateTime _originTime;

    public void Pause() => _originAt = null;

    /// <summary>How long until the tick at <paramref name="cursor"/> (time <paramref name="tickTime"/>) is due; ≤ 0 = now.</summary>
    public TimeSpan Until(long cursor, DateTime tickTime)
    {
        if (options.Rate <= 0 && options.Speed <= 0) return TimeSpan.Zero;
        if (_originAt is not { } origin)
        {
            _originAt = Stopwatch.GetTimestamp();
            _originCursor = cursor;
            _originTime = tickTime;
            return TimeSpan.Zero;
        }

        var due = options.Rate > 0 ? TimeSpan.FromSeconds((cursor - _originCursor) / options.Rate) : (tickTime - _originTime) / options.Speed;
        return due - Stopwatch.GetElapsedTime(origin);
    }
}
