using System.Diagnostics;

namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// Times one event's handling without the publishes it makes. A publish returns only when every subscriber has
/// handled the event (the bus is lockstep, in a silo and in the in-process runner), so a handler's wall time holds
/// the whole cascade below it; the budget is the component's own. The stopwatch of the event being handled flows
/// with the handler (an async local), so a publish finds it, and a handler that runs inside another's publish (a
/// reply, or the in-process runner's synchronous delivery) has its own.
/// </summary>
public sealed class HandlerStopwatch
{
    private static readonly AsyncLocal<HandlerStopwatch?> Current = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _publishing;

    private HandlerStopwatch()
    {
    }

    /// <summary>Starts timing the event handled on this flow; publishes made on it from now on are not counted.</summary>
    public static HandlerStopwatch Start()
    {
        var stopwatch = new HandlerStopwatch();
        Current.Value = stopwatch;
        return stopwatch;
    }

    /// <summary>Whether an event is being timed on this flow (a source's own publishes are not).</summary>
    public static bool IsTiming => Current.Value is not null;

    /// <summary>Time since <see cref="Start"/>, less the publishes.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started) - Stopwatch.GetElapsedTime(0, _publishing);

    /// <summary>Takes a publish that began at <paramref name="startedAt"/> (a Stopwatch timestamp) off the current event's time.</summary>
    public static void PublishEnded(long startedAt)
    {
        if (Current.Value is { } stopwatch) stopwatch._publishing += Stopwatch.GetTimestamp() - startedAt;
    }
}
