using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The control and monitoring events the kernel consumes (SYSTEM_ERROR, CONNECTION_LOST/RESTORED,
/// SHUTDOWN_REQUEST, BACKTEST_COMPLETE, and whatever else is routed to it): counted for the drain, recorded on the
/// state machine, and turned into operations. It only records and queues, so a component never waits on it.
/// </summary>
public sealed partial class KernelEvents(KernelOperations operations, KernelRun run, RunRecord record, KernelCounters counters, ILogger logger)
{
    public Task DeliverAsync(EventEnvelope envelope)
    {
        // The drain balances deliveries sent on the bus against deliveries handled. A component's own report of an
        // error or of being degraded comes straight to the kernel (seq 0, never sent on the bus), so it is not one of
        // them: counting it would leave the totals one apart for ever and turn every later shutdown into an emergency.
        if (envelope.Seq > 0) counters.Handled++;
        counters.ByType[envelope.Type] = counters.ByType.GetValueOrDefault(envelope.Type) + 1;
        switch (envelope.Payload)
        {
            case SystemErrorPayload { Critical: true } error:
                record.SetComponent(error.Component, s => s with { State = ComponentState.Failed, Reason = error.Message });
                LogCriticalError(logger, error.Component, error.ErrorType, error.Message);
                operations.ScheduleEmergency($"{error.ErrorType} error in {error.Component}: {error.Message}");
                break;
            case SystemErrorPayload error:
                record.SetComponent(error.Component, s => s with { State = ComponentState.Degraded, Reason = error.Message });
                LogComponentError(logger, error.Component, error.ErrorType, error.Message);
                break;
            case ConnectionPayload lost when envelope.Type == EventTypes.ConnectionLost:
                // Degraded while disconnected: visible in status and on the state machine, not an error.
                record.SetComponent(lost.Component, s => s with { State = ComponentState.Degraded, Reason = $"connection lost: {lost.Reason}" });
                LogConnection(logger, lost.Component, "lost", lost.Reason ?? "", lost.Attempt ?? 0);
                if (record.Current == SystemState.Running)
                {
                    operations.RequestTransition(SystemState.Degraded, $"{lost.Component}: connection lost ({lost.Reason})", () => record.Current == SystemState.Running);
                }

                break;
            case ConnectionPayload restored when envelope.Type == EventTypes.ConnectionRestored:
                record.SetComponent(restored.Component, s => s.State == ComponentState.Degraded ? s with { State = ComponentState.Running, Reason = null } : s);
                LogConnection(logger, restored.Component, "restored", restored.Reason ?? "", restored.Attempt ?? 0);
                if (record.Current == SystemState.Degraded && AllHealthy())
                {
                    operations.RequestTransition(SystemState.Running, $"{restored.Component}: connection restored", () => record.Current == SystemState.Degraded && AllHealthy());
                }

                break;
            case ShutdownRequestPayload request:
                return operations.RequestShutdown(StopReason.Requested, $"{envelope.Source} asked: {request.Reason}");
            case BacktestCompletePayload complete:
                LogBacktestComplete(logger, complete.TotalRows, complete.SuccessCount, complete.ErrorCount);
                run.Complete = complete;
                if (record.State.SwitchedTo is not null)
                {
                    // A backtest the operator switched to: report it and wait for the operator's next command
                    // (switch back, or shut down) instead of stopping the cluster under them.
                    operations.RequestSwitchedBacktestEnd();
                    return Task.CompletedTask;
                }

                return operations.RequestShutdown(StopReason.BacktestComplete, "backtest complete");
        }

        return Task.CompletedTask;
    }

    private bool AllHealthy() => record.State.Components.All(c => c.State is not (ComponentState.Degraded or ComponentState.Failed));

    [LoggerMessage(EventId = 211, Level = LogLevel.Critical, Message = "Critical {ErrorType} error in {Component}: {Message}")]
    private static partial void LogCriticalError(ILogger logger, string component, string errorType, string message);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "{ErrorType} error in {Component}: {Message}; it continues Degraded")]
    private static partial void LogComponentError(ILogger logger, string component, string errorType, string message);

    [LoggerMessage(EventId = 213, Level = LogLevel.Information, Message = "Backtest complete: {TotalRows} rows, {SuccessCount} ticks, {ErrorCount} rejected")]
    private static partial void LogBacktestComplete(ILogger logger, long totalRows, long successCount, long errorCount);

    [LoggerMessage(EventId = 215, Level = LogLevel.Warning, Message = "{Component}: connection {What} {Reason} (attempt {Attempt})")]
    private static partial void LogConnection(ILogger logger, string component, string what, string reason, int attempt);
}
