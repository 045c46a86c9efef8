using System.Diagnostics;
using AlgoSpace.Configuration;
using AlgoSpace.Kernel;
using AlgoSpace.Models;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// The one place where the system's startup and shutdown sequences are laid out (FR-SK-05), as silo lifecycle
/// stages that read top to bottom. Each step is timed and logged; startup ends with one "ready" line. Shutdown
/// steps run in reverse as the stages unwind, bounded by system.shutdown_timeout; past it, the emergency path.
/// </summary>
public sealed partial class SystemLifecycle(
    AlgoSpaceSettings settings,
    IGrainFactory grains,
    SiloRole role,
    SystemExit exit,
    ShutdownBudget budget,
    KernelObserver observer,
    IServiceProvider services,
    ILogger<SystemLifecycle> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private bool? _runsShutdown;
    private bool _emergency;
    private IKernelObserver? _observerReference;

    private IKernelGrain Kernel => grains.GetGrain<IKernelGrain>(KernelKeys.Kernel);

    public void Participate(ISiloLifecycle lifecycle)
    {
        Step(lifecycle, AlgoSpaceStages.Models, "3. load models", LoadModelsAsync, null);
        Step(lifecycle, AlgoSpaceStages.EventBus, "4. create event bus", CreateEventBusAsync, null);
        Step(lifecycle, AlgoSpaceStages.Components, "5. instantiate components", InstantiateComponentsAsync, "shutdown 5. save state, stop components", SaveStateAsync);
        Step(lifecycle, AlgoSpaceStages.Wiring, "6. wire event subscriptions", () => Kernel.WireAsync(), "shutdown 4. flush event queues", FlushAsync);
        Step(lifecycle, AlgoSpaceStages.Positions, null, null, "shutdown 2-3. cancel orders, close positions", ProtectPositionsAsync);
        Step(lifecycle, AlgoSpaceStages.DataStream, "7. start data stream", StartDataAsync, "shutdown 1. stop data stream", StopDataAsync);
        Step(lifecycle, AlgoSpaceStages.EventLoop, "8. begin main event loop", BeginEventLoopAsync, "shutdown begins", BeginShutdownAsync);
    }

    private Task LoadModelsAsync()
    {
        // Resolving the silo's model registry loads every configured model once; grains on this silo share it.
        var registry = services.GetRequiredService<IModelRegistry>();
        var loaded = registry.All.Count(m => m.IsLoaded);
        LogModels(logger, registry.All.Count, loaded, registry.All.Count - loaded);
        return Task.CompletedTask;
    }

    private Task CreateEventBusAsync()
    {
        var routes = RoutingTable.For(settings, settings.System.Mode);
        LogBus(logger, SettingMember.EnumName(settings.EventBus.Transport), routes.EventTypes.Count(), settings.EventBus.MaxQueueSize);
        return Task.CompletedTask;
    }

    private async Task InstantiateComponentsAsync()
    {
        KernelStatus status;
        try
        {
            status = await Kernel.InitializeAsync();
        }
        catch (Exception ex)
        {
            // The kernel's own saved state (or the checkpoint record) cannot be read: nothing is started and nothing
            // is written over it.
            var reason = $"Saved state cannot be read, so the run cannot resume: {ex.GetBaseException().Message} "
                + $"To start a new run, move the state folder {settings.Persistence.Directory ?? Path.Combine(settings.System.OutputDir, "state")} away (it is kept, not deleted).";
            exit.Report(ExitCodes.CriticalComponentFailed, reason);
            throw new CriticalComponentFailedException(reason);
        }

        if (status.State == SystemState.Faulted)
        {
            var reason = status.Transitions.LastOrDefault()?.Cause ?? "a critical component failed to start";
            exit.Report(ExitCodes.CriticalComponentFailed, reason);
            throw new CriticalComponentFailedException(reason);
        }
    }

    private Task StartDataAsync() => Kernel.StartAsync();

    private async Task BeginEventLoopAsync()
    {
        _observerReference = grains.CreateObjectReference<IKernelObserver>(observer);
        await Kernel.ObserveAsync(_observerReference);
        var status = await Kernel.GetStatusAsync();
        LogSystemState(logger, status.State, status.Mode, status.RunId, status.Components.Count);
    }

    private async Task<bool> RunsShutdownAsync()
    {
        if (_runsShutdown is { } decided) return decided;
        var status = await Kernel.GetStatusAsync();
        var last = await role.IsLastActiveSiloAsync();
        _runsShutdown = last && status.State is not (SystemState.Stopped or SystemState.Faulted);
        if (!last) LogLeaving(logger);
        else if (!_runsShutdown.Value) exit.Report(status.ExitCode ?? ExitCodes.Success, $"system already {status.State}");
        return _runsShutdown.Value;
    }

    private async Task BeginShutdownAsync()
    {
        budget.Start();
        if (await RunsShutdownAsync()) LogShutdownBegins(logger, budget.Total.TotalSeconds);
    }

    private Task StopDataAsync() => Guarded(() => Kernel.StopDataAsync());

    private Task ProtectPositionsAsync() => Guarded(() => Kernel.ProtectPositionsAsync(settings.System.ClosePositionsOnShutdown));

    private Task FlushAsync() => Guarded(async () =>
    {
        var result = await Kernel.FlushAsync(budget.Remaining);
        LogFlushed(logger, result.Completed, result.Sent, result.Handled, result.Elapsed.TotalMilliseconds);
        if (!result.Completed) await EmergencyAsync($"event queues did not drain within system.shutdown_timeout ({budget.Total.TotalSeconds} s)");
    });

    private Task SaveStateAsync() => Guarded(async () =>
    {
        await Kernel.SaveAndStopAsync();
        var status = await Kernel.GetStatusAsync();
        exit.Report(status.ExitCode ?? ExitCodes.Success, "graceful shutdown");
    });

    /// <summary>Runs a shutdown step if this silo runs the sequence, nothing went wrong yet, and time is left.</summary>
    private async Task Guarded(Func<Task> step)
    {
        if (_emergency || !await RunsShutdownAsync()) return;
        if (budget.Exceeded)
        {
            await EmergencyAsync($"graceful shutdown exceeded system.shutdown_timeout ({budget.Total.TotalSeconds} s)");
            return;
        }

        try
        {
            await step().WaitAsync(budget.Remaining);
        }
        catch (TimeoutException)
        {
            await EmergencyAsync($"graceful shutdown exceeded system.shutdown_timeout ({budget.Total.TotalSeconds} s)");
        }
    }

    /// <summary>The emergency path from the silo's side: bounded to the 5 seconds NFR-SK-06 allows.</summary>
    public async Task EmergencyAsync(string reason)
    {
        if (_emergency) return;
        _emergency = true;
        exit.Report(ExitCodes.EmergencyShutdown, reason);
        try
        {
            await Kernel.EmergencyShutdownAsync(reason).WaitAsync(TimeSpan.FromSeconds(4.5));
        }
        catch (Exception ex)
        {
            LogEmergencyFailed(logger, ex.Message);
        }
    }

    private void Step(ISiloLifecycle lifecycle, int stage, string? startName, Func<Task>? start, string? stopName, Func<Task>? stop = null)
    {
        lifecycle.Subscribe(
            $"AlgoSpace.{stage}",
            stage,
            start is null ? _ => Task.CompletedTask : _ => Timed(startName!, start),
            stop is null ? _ => Task.CompletedTask : _ => Timed(stopName!, stop));
    }

    private async Task Timed(string name, Func<Task> step)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await step();
        }
        finally
        {
            LogStep(logger, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Step {Step} done in {ElapsedMs:F1} ms")]
    private static partial void LogStep(ILogger logger, string step, double elapsedMs);

    [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Models: {Count} configured, {Loaded} loaded, {Degraded} degraded")]
    private static partial void LogModels(ILogger logger, int count, int loaded, int degraded);

    [LoggerMessage(EventId = 132, Level = LogLevel.Information, Message = "Event bus: transport {Transport}, {EventTypes} routed event types, at most {MaxQueue} events in flight per producer")]
    private static partial void LogBus(ILogger logger, string transport, int eventTypes, int maxQueue);

    [LoggerMessage(EventId = 133, Level = LogLevel.Information, Message = "System {State}: mode {Mode}, run {RunId}, {Components} components")]
    private static partial void LogSystemState(ILogger logger, SystemState state, string mode, string runId, int components);

    [LoggerMessage(EventId = 134, Level = LogLevel.Information, Message = "Other silos remain: this silo leaves the cluster and its grains move, saving state")]
    private static partial void LogLeaving(ILogger logger);

    [LoggerMessage(EventId = 135, Level = LogLevel.Information, Message = "Shutdown sequence begins (timeout {TimeoutSeconds} s)")]
    private static partial void LogShutdownBegins(ILogger logger, double timeoutSeconds);

    [LoggerMessage(EventId = 136, Level = LogLevel.Information, Message = "Flush: completed {Completed}, {Sent} deliveries sent, {Handled} handled, in {ElapsedMs:F1} ms")]
    private static partial void LogFlushed(ILogger logger, bool completed, long sent, long handled, double elapsedMs);

    [LoggerMessage(EventId = 137, Level = LogLevel.Critical, Message = "Emergency shutdown did not complete: {Error}")]
    private static partial void LogEmergencyFailed(ILogger logger, string error);
}
