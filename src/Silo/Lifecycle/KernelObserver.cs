using AlgoSpace.Kernel;

namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// Told by the kernel when the system has stopped by itself (a completed backtest, a shutdown request, a fatal
/// error): records the exit code and, in a real process, stops the silo's host.
/// </summary>
public sealed partial class KernelObserver(SystemExit exit, IHostApplicationLifetime lifetime, SiloHostingOptions options, ILogger<KernelObserver> logger) : IKernelObserver
{
    /// <summary>
    /// How long a silo stopped by an operator's command stays up: the operator's client polls the kernel every
    /// 200 ms and should see the last steps and the final state before the connection closes.
    /// </summary>
    public static readonly TimeSpan OperatorLinger = TimeSpan.FromMilliseconds(800);

    public void OnSystemStopped(int exitCode, string reason)
    {
        exit.Report(exitCode, reason);
        LogSystemStopped(logger, exitCode, reason);
        if (!options.StopHostWhenSystemStops) return;
        // The kernel words an operator's shutdown "operator <client> asked ...".
        if (reason.StartsWith("operator ", StringComparison.Ordinal))
        {
            _ = Task.Delay(OperatorLinger).ContinueWith(_ => lifetime.StopApplication(), TaskScheduler.Default);
        }
        else
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "The kernel stopped the system (exit code {ExitCode}): {Reason}")]
    private static partial void LogSystemStopped(ILogger logger, int exitCode, string reason);
}
