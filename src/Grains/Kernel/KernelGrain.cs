using System.Diagnostics;
using AlgoSpace.Checkpoints;
using AlgoSpace.Components;
using AlgoSpace.Configuration;
using AlgoSpace.Events;
using AlgoSpace.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoSpace.Kernel;

/// <summary>
/// The kernel grain: holds the system's state machine and the run's identity, creates and wires the configured
/// components in dependency order, and runs the shutdown sequence. It coordinates only: component logic lives in
/// the component hosts, ordering in <see cref="StartupPlan"/>, routing in <see cref="RoutingTable"/>, quiescence in
/// <see cref="EventFlush"/>.
/// </summary>
public sealed partial class KernelGrain(
    [PersistentState("kernel", StorageNames.State)] IPersistentState<KernelState> state,
    AlgoSpaceSettings settings,
    ComponentRegistry registry,
    ILogger<KernelGrain> logger) : Grain, IKernelGrain
{
    private const int MaxTransitions = 200;
    private const string PerformanceTrackerKind = "performance_tracker";
    private static readonly TimeSpan EmergencyStepTimeout = TimeSpan.FromMilliseconds(200);

    private readonly HashSet<IKernelObserver> _observers = [];
    private readonly Dictionary<string, long> _monitored = new(StringComparer.Ordinal);
    private StartupPlan? _plan;
    private RoutingTable? _routes;
    private Task? _shutdown;
    private Task _startup = Task.CompletedTask;
    private bool _startRequested;
    private Task? _emergency;
    private long _handled;
    private BacktestCompletePayload? _complete;
    private DateTime _startedUtc = DateTime.UtcNow;
    private long _startedTimestamp = Stopwatch.GetTimestamp();
    private bool _reported;
    private readonly SemaphoreSlim _checkpointing = new(1, 1);

    /// <summary>The run's last committed checkpoint: what a crash now restores (0: the run's beginning).</summary>
    private long _committedEpoch;

    /// <summary>Simulation time of the last checkpoint asked for (the final checkpoint of an interrupted run is stamped with it).</summary>
    private DateTime _lastSimTime;

    /// <summary>The mode the system runs in: the one the operator switched the run to, else system.mode.</summary>
    private TradingMode Mode => state.State.SwitchedTo ?? settings.System.Mode;

    /// <summary>
    /// Components called by the kernel may call it back on the same call chain (an error report, a subscription);
    /// the kernel must not wait for itself.
    /// </summary>
    private static IDisposable AllowReentrancyFromComponents() => RequestContext.AllowCallChainReentrancy();

    private IComponentHostGrain Host(string name) => GrainFactory.GetGrain<IComponentHostGrain>(name);

    /// <summary>The components of <paramref name="order"/> whose kind has <paramref name="role"/>, in that order.</summary>
    private IEnumerable<ComponentSettings> OfRole(IEnumerable<ComponentSettings> order, ComponentRole role) =>
        order.Where(c => registry.Catalog.Find(c.Type)?.Role == role);

    private ICheckpointGrain Checkpoints => GrainFactory.GetGrain<ICheckpointGrain>(KernelKeys.Checkpoints);

    /// <summary>
    /// A backtest stopped before its data ended (a signal, an operator, a crash): its simulated book is part of the
    /// run's checkpoint and resumes with it. Flattening it would write a history the uninterrupted run never has.
    /// </summary>
    private bool InterruptedBacktest => Mode == TradingMode.Backtest && _complete is null;

    public async Task<KernelStatus> InitializeAsync()
    {
        using var reentrancy = AllowReentrancyFromComponents();
        if (_plan is not null) return Status();
        var resume = state.State.RunId is not null && !state.State.Completed;
        var restore = RestorePoint.NewRun;
        if (resume)
        {
            state.State.Restarts++;
            var commit = await Checkpoints.GetCommittedAsync();
            restore = new RestorePoint(true, commit.RunId == state.State.RunId ? commit.Epoch : 0);
            (_committedEpoch, _lastSimTime) = (restore.Epoch, commit.SimTime);
            LogResuming(logger, state.State.RunId!, state.State.Restarts, state.State.State, restore.Epoch, commit.SimTime);
        }
        else
        {
            state.State = NewRun(settings.System.Mode);
            await Checkpoints.ResetAsync(state.State.RunId!);
            _committedEpoch = 0;
        }

        _plan = StartupPlan.For(settings, Mode, registry.Catalog);
        _routes = RoutingTable.For(settings, Mode);
        state.State.Mode = ModeName(Mode);
        state.State.ExitCode = null;
        state.State.ActivationOrder = _plan.ActivationOrder.Select(c => c.Name).ToList();
        await TransitionAsync(SystemState.Initializing, resume ? $"restart {state.State.Restarts} of run {state.State.RunId}" : $"new run {state.State.RunId}");
        await CreateComponentsAsync(restore);
        return Status();
    }

    private KernelState NewRun(TradingMode mode) => new()
    {
        RunId = $"{ModeName(mode)}-{DateTime.UtcNow:yyyyMMddTHHmmss}-{settings.System.RunSeed}",
        RunSeed = settings.System.RunSeed,
        SwitchedTo = mode == settings.System.Mode ? null : mode,
    };

    private static string ModeName(TradingMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Startup step 5 for the current plan: create and initialise every component in dependency order.</summary>
    private async Task CreateComponentsAsync(RestorePoint restore)
    {
        var statuses = new List<ComponentStatus>();
        foreach (var component in _plan!.ActivationOrder)
        {
            var started = Stopwatch.GetTimestamp();
            var spec = SpecFor(component);
            ComponentInitResult result;
            try
            {
                result = await Host(component.Name).InitializeAsync(spec, restore);
            }
            catch (Exception ex)
            {
                // The saved state cannot be read (damaged, unreadable store) or is not one consistent checkpoint:
                // refuse to resume rather than trade on it. Nothing is written over it.
                var reason = $"Saved state cannot be read: component {component.Name} cannot be restored (run {state.State.RunId}, checkpoint {restore.Epoch}): "
                    + $"{ex.GetBaseException().Message} The run refuses to resume; to start a new run, move the state folder away (it is kept, not deleted).";
                state.State.Components = statuses;
                state.State.ExitCode = ExitCodes.CriticalComponentFailed;
                LogRestoreFailed(logger, component.Name, ex);
                await TransitionAsync(SystemState.Faulted, reason);
                return;
            }

            statuses.Add(new ComponentStatus(component.Name, component.Type, component.Critical, result.State, result.Reason, result.Models));
            LogComponentCreated(logger, component.Name, component.Type, result.State, result.Reason ?? "", result.RestoredState, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        state.State.Components = statuses;
        var failedCritical = statuses.FirstOrDefault(s => s.Critical && s.State == ComponentState.Failed);
        if (failedCritical is not null)
        {
            state.State.ExitCode = ExitCodes.CriticalComponentFailed;
            await TransitionAsync(SystemState.Faulted, $"critical component {failedCritical.Name} failed to start: {failedCritical.Reason}");
        }
        else
        {
            await state.WriteStateAsync();
        }
    }

    public async Task WireAsync()
    {
        using var reentrancy = AllowReentrancyFromComponents();
        EnsureInitialized();
        await WireComponentsAsync();
    }

    private async Task WireComponentsAsync()
    {
        var excluded = FailedComponents();
        foreach (var name in excluded)
        {
            LogNotRouted(logger, name);
        }

        foreach (var component in _plan!.ActivationOrder.Where(c => !excluded.Contains(c.Name)))
        {
            await Host(component.Name).WireAsync(_routes!.WiringFor(component, excluded));
        }

        foreach (var line in _routes!.Describe()) LogRoute(logger, line);
    }

    public async Task<KernelStatus> StartAsync()
    {
        using var reentrancy = AllowReentrancyFromComponents();
        EnsureInitialized();
        // Every silo's lifecycle asks; only the first request starts the system (a later silo may join after a
        // short backtest has already finished).
        if (_startRequested || state.State.State is SystemState.Faulted) return Status();
        _startRequested = true;
        (_startedUtc, _startedTimestamp) = (DateTime.UtcNow, Stopwatch.GetTimestamp());
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _startup = started.Task;
        try
        {
            await StartComponentsAsync();
        }
        finally
        {
            started.TrySetResult();
        }

        return Status();
    }

    private async Task StartComponentsAsync()
    {
        await TransitionAsync(SystemState.Starting, "components created and wired");
        var excluded = FailedComponents();
        foreach (var component in _plan!.StartOrder.Where(c => !excluded.Contains(c.Name)))
        {
            await Host(component.Name).StartAsync();
            SetComponentState(component.Name, s => s.State == ComponentState.Degraded ? s : s with { State = ComponentState.Running });
        }

        StartSampler();
        // A short backtest may already have finished and asked for shutdown while the sources were starting.
        if (state.State.State != SystemState.Starting) return;
        var degraded = state.State.Components.Where(c => c.State is ComponentState.Degraded or ComponentState.Failed).ToList();
        await TransitionAsync(
            degraded.Count == 0 ? SystemState.Running : SystemState.Degraded,
            degraded.Count == 0 ? "every component running" : "degraded: " + string.Join("; ", degraded.Select(d => $"{d.Name} ({d.Reason})")));
    }

    public async Task StopDataAsync()
    {
        using var reentrancy = AllowReentrancyFromComponents();
        if (_plan is null) return;
        if (state.State.State is SystemState.Running or SystemState.Degraded or SystemState.Starting)
        {
            await TransitionAsync(SystemState.Stopping, "shutdown requested");
        }

        foreach (var source in OfRole(_plan.StartOrder, ComponentRole.DataHandler))
        {
            await Host(source.Name).StopDataAsync();
        }
    }

    public async Task ProtectPositionsAsync(bool flatten)
    {
        using var reentrancy = AllowReentrancyFromComponents();
        if (_plan is null) return;
        if (InterruptedBacktest)
        {
            LogBookKept(logger);
            return;
        }

        await ProtectKeepersAsync(flatten);
    }

    /// <summary>Every execution handler cancels its working orders and, if asked, flattens.</summary>
    private async Task ProtectKeepersAsync(bool flatten)
    {
        foreach (var keeper in OfRole(_plan!.StopOrder, ComponentRole.ExecutionHandler))
        {
            await Host(keeper.Name).ProtectPositionsAsync(flatten, flatten ? "shutdown: cancel working orders and flatten" : "shutdown: cancel working orders");
        }
    }

    public async Task<FlushResult> FlushAsync(TimeSpan timeout)
    {
        using var reentrancy = AllowReentrancyFromComponents();
        var started = Stopwatch.GetTimestamp();
        var flush = new EventFlush();
        var delay = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            var wave = await ReadCountersAsync();
            if (flush.IsQuiet(wave))
            {
                return new FlushResult(true, flush.Totals.Sent, flush.Totals.Handled, Stopwatch.GetElapsedTime(started));
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                LogFlushTimedOut(logger, flush.Totals.Sent, flush.Totals.Handled, timeout.TotalMilliseconds);
                return new FlushResult(false, flush.Totals.Sent, flush.Totals.Handled, Stopwatch.GetElapsedTime(started));
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 20));
        }
    }

    public async Task SaveAndStopAsync()
    {
        using var reentrancy = AllowReentrancyFromComponents();
        if (_plan is null) return;
        // The pipeline is flushed and the components still answer: the one moment the report is complete. A live
        // session gets one too: the trades it made and its equity.
        if (!_reported)
        {
            _reported = true;
            await ReportAsync();
        }

        StopSampler();
        if (_complete is not null && Mode == TradingMode.Backtest && state.State.SwitchedTo is null)
        {
            // The backtest ran to its end and its report is written: the next start begins a new run. Until this
            // point a crash resumes it from its last checkpoint and replays to the end again.
            state.State.Completed = true;
        }
        else
        {
            var checkpoint = await TakeCheckpointAsync(_lastSimTime, "final");
            if (!checkpoint.Committed) throw new InvalidOperationException($"the final checkpoint could not be written ({checkpoint.Skipped}); the run resumes from checkpoint {_committedEpoch}");
        }

        LogCheckpointCost();
        await StopComponentsAsync();
        state.State.ExitCode ??= ExitCodes.Success;
        if (state.State.State != SystemState.Faulted)
        {
            await TransitionAsync(SystemState.Stopped, "shutdown sequence complete");
        }
        else
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Shutdown step 5 for the current plan: every component stops, in reverse order.</summary>
    private async Task StopComponentsAsync()
    {
        foreach (var component in _plan!.StopOrder)
        {
            await Host(component.Name).StopAsync();
            SetComponentState(component.Name, s => s with { State = s.State == ComponentState.Failed ? ComponentState.Failed : ComponentState.Stopped });
        }
    }

    public Task EmergencyShutdownAsync(string reason) => _emergency ??= RunEmergencyAsync(reason);

    public Task RequestShutdownAsync(string reason)
    {
        // Runs outside the caller's turn: the caller may be a component that the sequence has to stop.
        if (_shutdown is null) ScheduleShutdown(() => RunGracefulAsync(reason));
        return Task.CompletedTask;
    }

    public Task DeliverAsync(EventEnvelope envelope)
    {
        // The flush balances deliveries sent on the bus against deliveries handled. A component's own report of an error
        // or of being degraded comes straight to the kernel (seq 0, never sent on the bus), so it is not one of them:
        // counting it would leave the totals one apart for ever and turn every later shutdown into an emergency.
        if (envelope.Seq > 0) _handled++;
        _monitored[envelope.Type] = _monitored.GetValueOrDefault(envelope.Type) + 1;
        switch (envelope.Payload)
        {
            case SystemErrorPayload { Critical: true } error:
                SetComponentState(error.Component, s => s with { State = ComponentState.Failed, Reason = error.Message });
                LogCriticalError(logger, error.Component, error.ErrorType, error.Message);
                if (_emergency is null) ScheduleShutdown(() => EmergencyShutdownAsync($"{error.ErrorType} error in {error.Component}: {error.Message}"));
                break;
            case SystemErrorPayload error:
                SetComponentState(error.Component, s => s with { State = ComponentState.Degraded, Reason = error.Message });
                LogComponentError(logger, error.Component, error.ErrorType, error.Message);
                break;
            case ConnectionPayload lost when envelope.Type == EventTypes.ConnectionLost:
                // Degraded while disconnected: visible in status and on the state machine, not an error.
                SetComponentState(lost.Component, s => s with { State = ComponentState.Degraded, Reason = $"connection lost: {lost.Reason}" });
                LogConnection(logger, lost.Component, "lost", lost.Reason ?? "", lost.Attempt ?? 0);
                if (state.State.State == SystemState.Running) ScheduleOperation(() => TransitionAsync(SystemState.Degraded, $"{lost.Component}: connection lost ({lost.Reason})"));
                break;
            case ConnectionPayload restored when envelope.Type == EventTypes.ConnectionRestored:
                SetComponentState(restored.Component, s => s.State == ComponentState.Degraded ? s with { State = ComponentState.Running, Reason = null } : s);
                LogConnection(logger, restored.Component, "restored", restored.Reason ?? "", restored.Attempt ?? 0);
                if (state.State.State == SystemState.Degraded && state.State.Components.All(c => c.State is not (ComponentState.Degraded or ComponentState.Failed)))
                {
                    ScheduleOperation(() => TransitionAsync(SystemState.Running, $"{restored.Component}: connection restored"));
                }

                break;
            case ShutdownRequestPayload request:
                return RequestShutdownAsync($"{envelope.Source} asked: {request.Reason}");
            case BacktestCompletePayload complete:
                LogBacktestComplete(logger, complete.TotalRows, complete.SuccessCount, complete.ErrorCount);
                _complete = complete;
                if (state.State.SwitchedTo is not null)
                {
                    // A backtest the operator switched to: report it and wait for the operator's next command
                    // (switch back, or shut down) instead of stopping the cluster under them.
                    if (_shutdown is null && _switching is not { IsCompleted: false }) ScheduleOperation(CompleteSwitchedBacktestAsync);
                    return Task.CompletedTask;
                }

                return RequestShutdownAsync("backtest complete");
        }

        return Task.CompletedTask;
    }

    public async Task SubscribeAsync(string eventType, string component)
    {
        EnsureInitialized();
        if (_routes!.Subscribe(eventType, component)) await RewireProducersAsync(eventType);
    }

    public async Task UnsubscribeAsync(string eventType, string component)
    {
        EnsureInitialized();
        if (_routes!.Unsubscribe(eventType, component)) await RewireProducersAsync(eventType);
    }

    public Task ObserveAsync(IKernelObserver observer)
    {
        _observers.Add(observer);
        return Task.CompletedTask;
    }

    public Task<KernelStatus> GetStatusAsync() => Task.FromResult(Status());

    private async Task RewireProducersAsync(string eventType)
    {
        var excluded = FailedComponents();
        using var reentrancy = AllowReentrancyFromComponents();
        foreach (var producer in _plan!.ActivationOrder.Where(c => c.Publishes.Contains(eventType) && !excluded.Contains(c.Name)))
        {
            await Host(producer.Name).WireAsync(_routes!.WiringFor(producer, excluded));
        }
    }

    private async Task RunGracefulAsync(string reason)
    {
        var timeout = TimeSpan.FromSeconds(settings.System.ShutdownTimeout);
        var started = Stopwatch.GetTimestamp();
        LogShutdownStarted(logger, reason, timeout.TotalSeconds);
        BeginOperation("shutdown", reason);
        try
        {
            // The sequence begins once start-up (or an operator's mode switch) has finished, so the two never
            // interleave their steps.
            await _startup.WaitAsync(timeout);
            await StopDataAsync();
            Step("stop data", true, "data sources stopped");
            if (InterruptedBacktest)
            {
                Step("keep the simulated book", true, "backtest interrupted before its end: orders and positions are saved in the final checkpoint and resume with the run");
            }
            else
            {
                var flatten = settings.System.ClosePositionsOnShutdown;
                var book = await ProtectBookAsync(flatten);
                Step(flatten ? "cancel working orders and flatten" : "cancel working orders", true, book);
            }
            var flush = await FlushAsync(timeout - Stopwatch.GetElapsedTime(started));
            Step("drain the bus", flush.Completed, $"{flush.Handled} deliveries handled of {flush.Sent} sent, {flush.Elapsed.TotalMilliseconds:F0} ms");
            if (!flush.Completed)
            {
                await EmergencyShutdownAsync($"flush did not finish within the shutdown timeout ({flush.Sent} sent, {flush.Handled} handled)");
                return;
            }

            await SaveAndStopAsync();
            Step("save state and stop components", true, state.State.Completed
                ? $"run complete; {_plan?.ActivationOrder.Count ?? 0} components stopped"
                : $"checkpoint {_committedEpoch} committed; {_plan?.ActivationOrder.Count ?? 0} components stopped");
        }
        catch (Exception ex)
        {
            LogShutdownFailed(logger, ex);
            Step("graceful shutdown", false, ex.Message);
            await EmergencyShutdownAsync($"graceful shutdown failed: {ex.Message}");
            return;
        }

        var exitCode = state.State.ExitCode ?? ExitCodes.Success;
        Step("stopped", true, $"exit code {exitCode}, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        EndOperation();
        Notify(exitCode, reason);
    }

    /// <summary>
    /// The emergency path (NFR-SK-06): sources are told to stop without waiting; then, for every component at
    /// once, positions are protected (execution handlers) and state is saved, the whole bounded so that the
    /// path finishes well inside the 5 seconds allowed. A component busy in a slow handler is left to finish; its
    /// last saved state stands.
    /// </summary>
    private async Task RunEmergencyAsync(string reason)
    {
        using var reentrancy = AllowReentrancyFromComponents();
        LogEmergency(logger, reason);
        BeginOperation("emergency shutdown", reason);
        var started = Stopwatch.GetTimestamp();
        state.State.ExitCode = ExitCodes.EmergencyShutdown;
        if (state.State.State != SystemState.Faulted) await TransitionAsync(SystemState.Faulted, $"emergency shutdown: {reason}");
        if (_plan is not null)
        {
            var sources = OfRole(_plan.StartOrder, ComponentRole.DataHandler);
            await Bounded("stop data", Task.WhenAll(sources.Select(c => Host(c.Name).HaltDataAsync())), EmergencyStepTimeout);
            if (InterruptedBacktest)
            {
                Step("keep the simulated book", true, $"backtest interrupted: the run resumes from checkpoint {_committedEpoch} and its journal");
            }
            else
            {
                var keepers = OfRole(_plan.StopOrder, ComponentRole.ExecutionHandler);
                await Bounded("cancel orders and flatten", Task.WhenAll(keepers.Select(c => Host(c.Name).ProtectPositionsAsync(true, $"emergency: {reason}"))), EmergencyStepTimeout * 3);
            }
        }

        StopSampler();
        await Bounded("save kernel state", state.WriteStateAsync(), EmergencyStepTimeout);
        LogEmergencyDone(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Step("stopped", true, $"exit code {ExitCodes.EmergencyShutdown}, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        EndOperation();
        Notify(ExitCodes.EmergencyShutdown, reason);
    }

    private async Task Bounded(string step, Task task, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await task.WaitAsync(timeout);
            Step(step, true, $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        }
        catch (Exception ex)
        {
            LogEmergencyStepFailed(logger, step, ex.Message);
            Step(step, false, ex.Message);
        }
    }

    private void ScheduleShutdown(Func<Task> sequence) => _shutdown = ScheduleOperation(sequence);

    /// <summary>Runs <paramref name="sequence"/> in a turn of its own (an interleaving one-shot timer); its task ends when it does.</summary>
    private Task ScheduleOperation(Func<Task> sequence)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        this.RegisterGrainTimer(async _ =>
        {
            // A new flow: not part of the delivery (and its call chain) that asked for it.
            RequestContext.Clear();
            try { await sequence(); }
            finally { done.TrySetResult(); }
        }, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = true });
        return done.Task;
    }

    private void Notify(int exitCode, string reason)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnSystemStopped(exitCode, reason);
            }
            catch (Exception ex)
            {
                LogObserverFailed(logger, ex.Message);
            }
        }
    }

    /// <summary>
    /// The end-of-run report: the performance tracker's results, the bus counters and the data handler's counts,
    /// written to the run folder, logged, and shown by the silo's report sinks (its console). A report that cannot be
    /// produced is logged and does not stop the shutdown: the components' state is saved either way.
    /// </summary>
    private async Task ReportAsync()
    {
        try
        {
            var runTime = Stopwatch.GetElapsedTime(_startedTimestamp);
            var counters = await ReadCountersAsync();
            var (tracker, note, performance) = await AskTrackerAsync();
            var report = RunReportBuilder.Build(settings.InMode(Mode), tracker, note, performance, _complete, counters,
                new RunTimingInput(state.State.RunId ?? "run", _startedUtc, DateTime.UtcNow, runTime));
            var folder = RunFolderWriter.Write(settings.System.OutputDir, report);
            var summary = RunSummaryTable.Format(report, folder);
            LogRunReport(logger, folder, summary);
            foreach (var sink in ServiceProvider.GetServices<IRunReportSink>()) sink.Show(summary);
        }
        catch (Exception ex)
        {
            LogReportFailed(logger, settings.System.OutputDir, ex);
        }
    }

    private async Task<(string? Tracker, string? Note, Components.Calls.PerformanceReportReply? Reply)> AskTrackerAsync()
    {
        var tracker = _plan!.ActivationOrder.FirstOrDefault(c => c.Type == PerformanceTrackerKind);
        if (tracker is null) return (null, $"no {PerformanceTrackerKind} component is configured: no trades, equity or statistics", null);
        var status = state.State.Components.FirstOrDefault(c => c.Name == tracker.Name);
        if (status?.State == ComponentState.Failed) return (tracker.Name, $"{tracker.Name} failed to start ({status.Reason}): no trades, equity or statistics", null);
        try
        {
            var reply = await Host(tracker.Name).CallAsync(new Components.Calls.PerformanceReportRequest());
            return reply is Components.Calls.PerformanceReportReply performance
                ? (tracker.Name, null, performance)
                : (tracker.Name, $"{tracker.Name} answered {reply.GetType().Name}, not a performance report", null);
        }
        catch (Exception ex)
        {
            return (tracker.Name, $"{tracker.Name} could not report: {ex.Message}", null);
        }
    }

    private async Task<List<BusCounters>> ReadCountersAsync()
    {
        var wave = await Task.WhenAll(_plan!.ActivationOrder.Select(c => Host(c.Name).GetCountersAsync()));
        return [.. wave, new BusCounters(KernelKeys.KernelSubscriber, 0, _handled, 0, new Dictionary<string, long>(_monitored), new Dictionary<string, long>(), 0)];
    }

    private ComponentSpec SpecFor(ComponentSettings component) =>
        ComponentSpecs.For(settings, registry.Catalog, component, state.State.SwitchedTo);

    private HashSet<string> FailedComponents() =>
        state.State.Components.Where(c => c.State == ComponentState.Failed).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    private void SetComponentState(string name, Func<ComponentStatus, ComponentStatus> change)
    {
        var index = state.State.Components.FindIndex(c => c.Name == name);
        if (index >= 0) state.State.Components[index] = change(state.State.Components[index]);
    }

    private async Task TransitionAsync(SystemState to, string cause)
    {
        var from = state.State.State;
        state.State.State = to;
        state.State.Transitions.Add(new StateTransition(from, to, cause, DateTime.UtcNow));
        if (state.State.Transitions.Count > MaxTransitions) state.State.Transitions.RemoveAt(0);
        var level = to is SystemState.Faulted ? LogLevel.Critical : to is SystemState.Degraded ? LogLevel.Warning : LogLevel.Information;
        LogTransition(logger, level, from, to, cause);
        await state.WriteStateAsync();
    }

    private void EnsureInitialized()
    {
        if (_plan is null) throw new InvalidOperationException("The kernel has not created the components yet (startup step 5).");
    }

    private KernelStatus Status() => new(
        state.State.RunId ?? "", state.State.RunSeed, state.State.Mode, state.State.State, state.State.Components.ToList(),
        state.State.Transitions.ToList(), state.State.ActivationOrder.ToList(), state.State.ExitCode, state.State.Restarts);

    [LoggerMessage(EventId = 200, Message = "System {From} -> {To}: {Cause}")]
    private static partial void LogTransition(ILogger logger, LogLevel level, SystemState from, SystemState to, string cause);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Resuming run {RunId} (restart {Restarts}); it was {State}; restoring checkpoint {Epoch} (sim time {SimTime:O})")]
    private static partial void LogResuming(ILogger logger, string runId, int restarts, SystemState state, long epoch, DateTime simTime);

    [LoggerMessage(EventId = 216, Level = LogLevel.Critical, Message = "The saved state of {Component} cannot be restored; the run refuses to resume")]
    private static partial void LogRestoreFailed(ILogger logger, string component, Exception exception);

    [LoggerMessage(EventId = 217, Level = LogLevel.Information, Message = "Backtest interrupted before its end: the simulated book is kept (it is part of the checkpoint and resumes with the run)")]
    private static partial void LogBookKept(ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Component {Component} ({Kind}): {State} {Reason} (restored state: {Restored}) in {ElapsedMs:F1} ms")]
    private static partial void LogComponentCreated(ILogger logger, string component, string kind, ComponentState state, string reason, bool restored, double elapsedMs);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Component {Component} failed to start: events to it are not routed")]
    private static partial void LogNotRouted(ILogger logger, string component);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Route {Route}")]
    private static partial void LogRoute(ILogger logger, string route);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Flush timed out after {TimeoutMs} ms: {Sent} deliveries sent, {Handled} handled")]
    private static partial void LogFlushTimedOut(ILogger logger, long sent, long handled, double timeoutMs);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Graceful shutdown: {Reason} (timeout {TimeoutSeconds} s)")]
    private static partial void LogShutdownStarted(ILogger logger, string reason, double timeoutSeconds);

    [LoggerMessage(EventId = 207, Level = LogLevel.Error, Message = "Graceful shutdown failed")]
    private static partial void LogShutdownFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 208, Level = LogLevel.Critical, Message = "Emergency shutdown: {Reason}")]
    private static partial void LogEmergency(ILogger logger, string reason);

    [LoggerMessage(EventId = 209, Level = LogLevel.Critical, Message = "Emergency shutdown finished in {ElapsedMs:F0} ms")]
    private static partial void LogEmergencyDone(ILogger logger, double elapsedMs);

    [LoggerMessage(EventId = 210, Level = LogLevel.Error, Message = "Emergency step '{Step}' failed: {Error}")]
    private static partial void LogEmergencyStepFailed(ILogger logger, string step, string error);

    [LoggerMessage(EventId = 211, Level = LogLevel.Critical, Message = "Critical {ErrorType} error in {Component}: {Message}")]
    private static partial void LogCriticalError(ILogger logger, string component, string errorType, string message);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning, Message = "{ErrorType} error in {Component}: {Message}; it continues Degraded")]
    private static partial void LogComponentError(ILogger logger, string component, string errorType, string message);

    [LoggerMessage(EventId = 213, Level = LogLevel.Information, Message = "Backtest complete: {TotalRows} rows, {SuccessCount} ticks, {ErrorCount} rejected")]
    private static partial void LogBacktestComplete(ILogger logger, long totalRows, long successCount, long errorCount);

    [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "Run report written to {Folder}:\n{Summary}")]
    private static partial void LogRunReport(ILogger logger, string folder, string summary);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Error, Message = "The run report could not be written under {OutputDir}")]
    private static partial void LogReportFailed(ILogger logger, string outputDir, Exception exception);

    [LoggerMessage(EventId = 215, Level = LogLevel.Warning, Message = "{Component}: connection {What} {Reason} (attempt {Attempt})")]
    private static partial void LogConnection(ILogger logger, string component, string what, string reason, int attempt);

    [LoggerMessage(EventId = 214, Level = LogLevel.Warning, Message = "A kernel observer could not be told: {Error}")]
    private static partial void LogObserverFailed(ILogger logger, string error);
}
