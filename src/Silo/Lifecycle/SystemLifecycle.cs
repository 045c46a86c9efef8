using System.Diagnostics;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Kernel;
using AlgoSpace.Grains.Models;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// The silo's part of the system's startup and shutdown (FR-SK-05), as silo lifecycle stages that read top to
/// bottom: load models, create the event bus, then the run, whose steps are the kernel's run sequence. Shutdown
/// asks the kernel for its graceful sequence and waits for it within system.shutdown_timeout; past it, the
/// emergency path.
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
    /// <summary>How long the silo waits for the kernel's emergency path: inside the 5 seconds NFR-SK-06 allows.</summary>
    public static readonly TimeSpan EmergencyWait = TimeSpan.FromSeconds(4.5);

    private bool? _runsShutdown;
    private bool _handsOver;
    private bool _emergency;

    private IKernelGrain Kernel => grains.GetGrain<IKernelGrain>(KernelKeys.Kernel);

    public void Participate(ISiloLifecycle lifecycle)
    {
        Step(lifecycle, AlgoSpaceStages.Models, "3. load models", LoadModelsAsync, null, null);
        Step(lifecycle, AlgoSpaceStages.EventBus, "4. create event bus", CreateEventBusAsync, null, null);
        Step(lifecycle, AlgoSpaceStages.Run, "5-8. the run's startup sequence", StartRunAsync, "the run's shutdown sequence", StopRunAsync);
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
        var routes = RoutingTable.For(settings, settings.System.Mode, services.GetRequiredService<AlgoSpace.Grains.Components.ComponentRegistry>().Catalog);
        LogBus(logger, SettingMember.EnumName(settings.EventBus.Transport), routes.EventTypes.Count(), settings.EventBus.MaxQueueSize);
        return Task.CompletedTask;
    }

    private async Task StartRunAsync()
    {
        // Observing first: a short backtest may end (and the kernel stop the system) before startup returns.
        await Kernel.ObserveAsync(grains.CreateObjectReference<IKernelObserver>(observer));
        await WaitForSilosAsync();
        KernelStatus status;
        try
        {
            status = await StartupOrJoinAsync();
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

        if (status.State == SystemState.Faulted && status.ExitCode == ExitCodes.CriticalComponentFailed)
        {
            var reason = status.Transitions.LastOrDefault()?.Cause ?? "a critical component failed to start";
            exit.Report(ExitCodes.CriticalComponentFailed, reason);
            throw new CriticalComponentFailedException(reason);
        }

        LogSystemState(logger, status.State, status.Mode, status.RunId, status.Components.Count);
    }

    /// <summary>
    /// Asks the kernel for the startup (or to join the run under way). A kernel that lives on a silo leaving the
    /// cluster at this moment cannot answer; asked again, it answers from a silo that remains.
    /// </summary>
    private async Task<KernelStatus> StartupOrJoinAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Kernel.StartupAsync(role.Address);
            }
            catch (Exception ex) when (attempt < StartupAttempts && AlgoSpace.Grains.Components.Hosting.SiloLoss.Is(ex))
            {
                LogStartupRetry(logger, attempt, ex.GetBaseException().Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    /// <summary>
    /// cluster.min_silos: a new run waits until that many silos are active, so that placement spreads a portfolio's
    /// pipelines over all of them (it decides only where a component starts). A silo that joins a run under way
    /// does not wait; after cluster.min_silos_timeout the run starts on the silos there are.
    /// </summary>
    private async Task WaitForSilosAsync()
    {
        var wanted = settings.Cluster.MinSilos;
        if (wanted <= 1) return;
        // Only before a run: any other state is a run under way (being started, recovered or handed over) to join.
        if ((await Kernel.GetStatusAsync()).State is not (SystemState.Stopped or SystemState.Faulted)) return;
        var membership = services.GetRequiredService<IClusterMembershipService>();
        var waited = Stopwatch.StartNew();
        var timeout = TimeSpan.FromSeconds(settings.Cluster.MinSilosTimeout);
        LogWaitingForSilos(logger, Active(membership), wanted);
        while (Active(membership) < wanted && waited.Elapsed < timeout)
        {
            // Membership changes arrive by gossip within a probe period; the snapshot is read again at that pace.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        var active = Active(membership);
        if (active < wanted) LogTooFewSilos(logger, active, wanted, waited.Elapsed.TotalSeconds);
        else LogSilosReady(logger, active, waited.Elapsed.TotalMilliseconds);
    }

    private static int Active(IClusterMembershipService membership) =>
        membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    /// <summary>Attempts at the startup call while the silo that holds the kernel is leaving: 1+2+...+9 s of waiting.</summary>
    private const int StartupAttempts = 10;

    private async Task<bool> RunsShutdownAsync()
    {
        if (_runsShutdown is { } decided) return decided;
        var status = await Kernel.GetStatusAsync();
        var last = await role.IsLastActiveSiloAsync();
        _runsShutdown = last && status.State is not (SystemState.Stopped or SystemState.Faulted);
        _handsOver = !last && status.State is SystemState.Running or SystemState.Degraded;
        if (!last) LogLeaving(logger);
        else if (!_runsShutdown.Value) exit.Report(status.ExitCode ?? ExitCodes.Success, $"system already {status.State}");
        return _runsShutdown.Value;
    }

    /// <summary>
    /// The last silo to leave runs the kernel's graceful sequence and waits for the kernel to say the system stopped
    /// (the observer records the exit code); past system.shutdown_timeout, the emergency path.
    /// </summary>
    private async Task StopRunAsync()
    {
        budget.Start();
        if (_emergency) return;
        if (!await RunsShutdownAsync())
        {
            if (_handsOver) await HandOverAsync();
            return;
        }

        LogShutdownBegins(logger, budget.Total.TotalSeconds);
        await Kernel.RequestShutdownAsync(StopReason.Signal, "the silo is stopping");
        if (!await observer.WaitForStopAsync(budget.Remaining))
        {
            await EmergencyAsync($"graceful shutdown exceeded system.shutdown_timeout ({budget.Total.TotalSeconds} s)");
        }
    }

    /// <summary>
    /// Leaving while others stay: the kernel commits a checkpoint at a quiescent point before this silo's grains
    /// deactivate, and the others resume the run from it once this silo has left (<see cref="ClusterWatcher"/>).
    /// Bounded by system.shutdown_timeout; past it this silo leaves anyway, and the run recovers from the checkpoint
    /// before, as after a crash.
    /// </summary>
    private async Task HandOverAsync()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await Kernel.HandOverAsync(role.Address).WaitAsync(budget.Remaining);
            LogHandedOver(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            LogHandOverFailed(logger, ex.GetBaseException().Message);
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
            await Kernel.EmergencyShutdownAsync(reason).WaitAsync(EmergencyWait);
        }
        catch (Exception ex)
        {
            LogEmergencyFailed(logger, ex.Message);
        }
    }

    private void Step(ISiloLifecycle lifecycle, int stage, string startName, Func<Task> start, string? stopName, Func<Task>? stop)
    {
        lifecycle.Subscribe(
            $"AlgoSpace.{stage}",
            stage,
            _ => Timed(startName, start),
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

    [LoggerMessage(EventId = 146, Level = LogLevel.Information, Message = "Waiting for the cluster: {Active} of {Wanted} silos active (cluster.min_silos)")]
    private static partial void LogWaitingForSilos(ILogger logger, int active, int wanted);

    [LoggerMessage(EventId = 147, Level = LogLevel.Information, Message = "{Active} silos active after {ElapsedMs:F0} ms: the run starts")]
    private static partial void LogSilosReady(ILogger logger, int active, double elapsedMs);

    [LoggerMessage(EventId = 148, Level = LogLevel.Warning, Message = "Only {Active} of {Wanted} silos active after {Seconds:F0} s (cluster.min_silos_timeout): the run starts on them")]
    private static partial void LogTooFewSilos(ILogger logger, int active, int wanted, double seconds);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Step {Step} done in {ElapsedMs:F1} ms")]
    private static partial void LogStep(ILogger logger, string step, double elapsedMs);

    [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Models: {Count} configured, {Loaded} loaded, {Degraded} degraded")]
    private static partial void LogModels(ILogger logger, int count, int loaded, int degraded);

    [LoggerMessage(EventId = 132, Level = LogLevel.Information, Message = "Event bus: transport {Transport}, {EventTypes} routed event types, at most {MaxQueue} events in flight per producer")]
    private static partial void LogBus(ILogger logger, string transport, int eventTypes, int maxQueue);

    [LoggerMessage(EventId = 133, Level = LogLevel.Information, Message = "System {State}: mode {Mode}, run {RunId}, {Components} components")]
    private static partial void LogSystemState(ILogger logger, SystemState state, string mode, string runId, int components);

    [LoggerMessage(EventId = 134, Level = LogLevel.Information, Message = "Other silos remain: this silo hands the run over and leaves the cluster")]
    private static partial void LogLeaving(ILogger logger);

    [LoggerMessage(EventId = 145, Level = LogLevel.Warning, Message = "The kernel could not be reached for the startup (attempt {Attempt}: {Error}); its silo is leaving, so it is asked again")]
    private static partial void LogStartupRetry(ILogger logger, int attempt, string error);

    [LoggerMessage(EventId = 136, Level = LogLevel.Information, Message = "Run handed over in {ElapsedMs:F0} ms: checkpoint committed; the other silos resume it once this silo has left")]
    private static partial void LogHandedOver(ILogger logger, double elapsedMs);

    [LoggerMessage(EventId = 144, Level = LogLevel.Warning, Message = "The run could not be handed over ({Error}); the other silos recover it from its last checkpoint")]
    private static partial void LogHandOverFailed(ILogger logger, string error);


    [LoggerMessage(EventId = 135, Level = LogLevel.Information, Message = "Shutdown sequence begins (timeout {TimeoutSeconds} s)")]
    private static partial void LogShutdownBegins(ILogger logger, double timeoutSeconds);

    [LoggerMessage(EventId = 137, Level = LogLevel.Critical, Message = "Emergency shutdown did not complete: {Error}")]
    private static partial void LogEmergencyFailed(ILogger logger, string error);
}
