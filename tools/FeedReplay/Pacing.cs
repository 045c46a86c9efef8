using System.Diagnostics;

namespace AlgoSpace.FeedReplay;

/// <summary>
/// When the tick at a cursor position is due: at <see cref="FeedReplayOptions.Rate"/> ticks per second, or at the
/// ticks' own spacing divided by <see cref="FeedReplayOptions.Speed"/>, counted from the first tick sent since the
/// last <see cref="Pause"/> (the clock stops while no client is connected); always at once when neither is set.
/// A pump that falls more than a quarter second behind takes the pace up again from where it is.
/// </summary>
internal sealed class Pacing(FeedReplayOptions options)
{
    /// <summary>How far behind schedule the pump may fall and still catch up by sending faster.</summary>
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromMilliseconds(250);

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
        var wait = due - Stopwatch.GetElapsedTime(origin);
        if (wait < -MaxCatchUp)
        {
            // Far behind (a slow client, a stalled machine): keep the pace from here instead of a burst to catch up.
            Pause();
            return Until(cursor, tickTime);
        }

        return wait;
    }
}
