using System.Diagnostics;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// The time a graceful shutdown may take (system.shutdown_timeout), counted from the first signal or the first
/// shutdown step, whichever comes first. Steps ask it how much is left; past it, the emergency path runs.
/// </summary>
public sealed class ShutdownBudget(AlgoSpaceSettings settings)
{
    private long _started;

    public TimeSpan Total { get; } = TimeSpan.FromSeconds(settings.System.ShutdownTimeout);

    /// <summary>Starts the clock if it is not running.</summary>
    public void Start() => Interlocked.CompareExchange(ref _started, Stopwatch.GetTimestamp(), 0);

    public TimeSpan Remaining
    {
        get
        {
            Start();
            var left = Total - Stopwatch.GetElapsedTime(Interlocked.Read(ref _started));
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public bool Exceeded => Remaining == TimeSpan.Zero;
}
