namespace AlgoSpace.MarketData.Replay;

/// <summary>
/// Paces a replay at data_handler.replay_speed: with speed s &gt; 0 consecutive ticks are published (Δt of
/// simulation time)/s apart; 0 means as fast as possible. It keeps an anchor (wall, simulation time) and waits for
/// each tick's due time rather than sleeping each Δt/s, so timer granularity does not add up over millions of
/// sub-millisecond gaps. When the run falls behind by more than <see cref="MaxLag"/> (slow handlers), it
/// re-anchors instead of rushing to catch up.
/// </summary>
public sealed class ReplayPacer(double speed, TimeProvider time)
{
    public static readonly TimeSpan MaxLag = TimeSpan.FromMilliseconds(100);

    private long _anchorWall;
    private DateTime _anchorSim;
    private bool _anchored;

    /// <summary>
    /// Waits until the tick at <paramref name="simTime"/> is due. Cancellation ends the wait early without
    /// throwing: the caller has already taken the tick from its source and still publishes it, then stops.
    /// </summary>
    public async ValueTask WaitAsync(DateTime simTime, CancellationToken cancellation)
    {
        if (speed <= 0) return;
        var now = time.GetTimestamp();
        if (!_anchored || simTime < _anchorSim)
        {
            Anchor(now, simTime);
            return;
        }

        var offset = (simTime - _anchorSim).Ticks / speed;
        var due = _anchorWall + (long)(offset * time.TimestampFrequency / TimeSpan.TicksPerSecond);
        var wait = time.GetElapsedTime(now, due);
        if (wait <= TimeSpan.Zero)
        {
            if (-wait > MaxLag) Anchor(now, simTime);
            return;
        }

        try
        {
            await Task.Delay(wait, time, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stop requested: return now; the caller's loop notices the cancellation after this tick.
        }
    }

    private void Anchor(long wall, DateTime sim)
    {
        _anchorWall = wall;
        _anchorSim = sim;
        _anchored = true;
    }
}
