namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// Times one event's handling without the publishes it makes. A publish returns only when every subscriber has
/// handled the event (the bus is lockstep, in a silo and in the in-process runner), so a handler's wall time holds
/// the whole cascade below it; the budget is the component's own. The stopwatch of the event being handled flows
/// with the handler (an async local), so a publish finds it, and a handler that runs inside another's publish (a
/// reply, or the in-process runner's synchronous delivery) has its own. The clock is the shell's (the system's in a
/// run), so a test can say how long a handler and a publish took rather than wait for it.
/// </summary>
public sealed class HandlerStopwatch
{
    private static readonly AsyncLocal<HandlerStopwatch?> Current = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private long _publishing;

    private HandlerStopwatch(TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Starts timing the event handled on this flow; publishes made on it from now on are not counted.</summary>
    public static HandlerStopwatch Start(TimeProvider time)
    {
        var stopwatch = new HandlerStopwatch(time);
        Current.Value = stopwatch;
        return stopwatch;
    }

    /// <summary>Whether an event is being timed on this flow (a source's own publishes are not).</summary>
    public static bool IsTiming => Current.Value is not null;

    /// <summary>Time since <see cref="Start"/>, less the publishes.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started) - _time.GetElapsedTime(0, _publishing);

    /// <summary>When a publish on this flow begins, on the current event's clock (0 when none is timed).</summary>
    public static long PublishStarted() => Current.Value is { } stopwatch ? stopwatch._time.GetTimestamp() : 0;

    /// <summary>Takes a publish that began at <paramref name="startedAt"/> (from <see cref="PublishStarted"/>) off the current event's time.</summary>
    public static void PublishEnded(long startedAt)
    {
        if (Current.Value is { } stopwatch) stopwatch._publishing += stopwatch._time.GetTimestamp() - startedAt;
    }
}
