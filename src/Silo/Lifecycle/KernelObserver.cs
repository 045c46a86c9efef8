using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// Told by the kernel when the system has stopped (a completed backtest, a shutdown, the emergency path): records the
/// exit code, lets the lifecycle's shutdown know, and, in a real process, stops the silo's host.
/// </summary>
public sealed partial class KernelObserver(SystemExit exit, IHostApplicationLifetime lifetime, SiloHostingOptions options, ILogger<KernelObserver> logger) : IKernelObserver
{
    /// <summary>
    /// How long a silo stopped by an operator's command stays up: the operator's client polls the kernel every
    /// 200 ms and should see the last steps and the final state before the connection closes.
    /// </summary>
    public static readonly TimeSpan OperatorLinger = TimeSpan.FromMilliseconds(800);

    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnSystemStopped(int exitCode, StopReason reason, string detail)
    {
        exit.Report(exitCode, detail);
        LogSystemStopped(logger, exitCode, reason, detail);
        _stopped.TrySetResult();
        if (!options.StopHostWhenSystemStops) return;
        if (reason == StopReason.Operator)
        {
            _ = Task.Delay(OperatorLinger).ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
        }
        else
        {
            lifetime.StopApplication();
        }
    }

    /// <summary>Waits until the kernel says the system stopped; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitForStopAsync(TimeSpan timeout)
    {
        try
        {
            await _stopped.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "The kernel stopped the system (exit code {ExitCode}, {Reason}): {Detail}")]
    private static partial void LogSystemStopped(ILogger logger, int exitCode, StopReason reason, string detail);
}
