using System.Runtime.InteropServices;
using AlgoSpace.Grains.Interfaces;

namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// Signal handling (FR-SK-07): the first SIGINT, SIGTERM or SIGQUIT starts the graceful shutdown (the host stops,
/// and the lifecycle unwinds the shutdown sequence); a second signal runs the emergency path, bounded to
/// 5 seconds (NFR-SK-06), and ends the process with exit code 4. Replaces the host's console lifetime.
/// </summary>
public sealed partial class SignalLifetime(
    IHostApplicationLifetime lifetime,
    SystemLifecycle system,
    ShutdownBudget budget,
    SystemExit exit,
    ILogger<SignalLifetime> logger) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signals;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            LogGraceful(logger, context.Signal.ToString(), budget.Total.TotalSeconds);
            budget.Start();
            lifetime.StopApplication();
            return;
        }

        LogEmergency(logger, context.Signal.ToString());
        _ = Task.Run(async () =>
        {
            try
            {
                await system.EmergencyAsync($"second signal ({context.Signal})").WaitAsync(TimeSpan.FromSeconds(4.8));
            }
            finally
            {
                exit.Report(ExitCodes.EmergencyShutdown, "second signal");
                LogExiting(logger, exit.Code);
                Environment.Exit(exit.Code);
            }
        });
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }

    [LoggerMessage(EventId = 140, Level = LogLevel.Warning, Message = "Received {Signal}: graceful shutdown (at most {TimeoutSeconds} s; a second signal forces the emergency path)")]
    private static partial void LogGraceful(ILogger logger, string signal, double timeoutSeconds);

    [LoggerMessage(EventId = 141, Level = LogLevel.Critical, Message = "Received {Signal} again: emergency shutdown")]
    private static partial void LogEmergency(ILogger logger, string signal);

    [LoggerMessage(EventId = 142, Level = LogLevel.Critical, Message = "Exiting with code {ExitCode}")]
    private static partial void LogExiting(ILogger logger, int exitCode);
}
