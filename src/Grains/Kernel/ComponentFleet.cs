using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The components of the current run as the kernel drives them through their hosts: the plan (which, in which
/// order), the routing table, and the calls that create, wire, start, stop, drain and protect them. Plain code over
/// <see cref="IKernelPorts"/>: it decides nothing about operations, which are the run sequence's.
/// </summary>
public sealed partial class ComponentFleet(
    AlgoSpaceSettings settings, ComponentRegistry registry, IKernelPorts ports, RunRecord record, KernelCounters counters, ILogger logger)
{
    public StartupPlan? Plan { get; private set; }

    public RoutingTable? Routes { get; private set; }

    public StartupPlan RequirePlan() => Plan ?? throw new InvalidOperationException("The kernel has not created the components yet (startup step: create components).");

    /// <summary>Plans the components of <paramref name="mode"/> and their routes.</summary>
    public void PlanFor(TradingMode mode)
    {
        Plan = StartupPlan.For(settings, mode, registry.Catalog);
        Routes = RoutingTable.For(settings, mode, registry.Catalog);
        record.Plan(Plan.ActivationOrder.Select(c => c.Name));
    }

    /// <summary>The components of <paramref name="order"/> whose kind has <paramref name="role"/>, in that order.</summary>
    public IEnumerable<ComponentSettings> OfRole(IEnumerable<ComponentSettings> order, ComponentRole role) =>
        order.Where(c => registry.Catalog.Find(c.Type)?.Role == role);

    public IEnumerable<ComponentSettings> Sources => Plan is null ? [] : OfRole(Plan.StartOrder, ComponentRole.DataHandler);

    public IEnumerable<ComponentSettings> Keepers => Plan is null ? [] : OfRole(Plan.StopOrder, ComponentRole.ExecutionHandler);

    /// <summary>
    /// Creates and initialises every component in dependency order. False when the system could not start (it is
    /// then Faulted with the reason): a critical component failed, or saved state cannot be restored.
    /// </summary>
    public async Task<bool> CreateAsync(RestorePoint restore)
    {
        var statuses = new List<ComponentStatus>();
        foreach (var component in RequirePlan().ActivationOrder)
        {
            var started = Stopwatch.GetTimestamp();
            ComponentInitResult result;
            try
            {
                result = await ports.Host(component.Name).InitializeAsync(ComponentSpecs.For(settings, registry.Catalog, component, record.State.SwitchedTo), restore);
            }
            catch (Exception ex) when (!AlgoSpace.Grains.Components.Hosting.SiloLoss.Is(ex))
            {
                // (A host that cannot be reached because its silo is gone is not unreadable state: that fails the
                // step, and the recovery that follows the silo's loss tries again.)
                // The saved state cannot be read (damaged, unreadable store) or is not one consistent checkpoint:
                // refuse to resume rather than trade on it. Nothing is written over it.
                var reason = $"Saved state cannot be read: component {component.Name} cannot be restored (run {record.RunId}, checkpoint {restore.Epoch}): "
                    + $"{ex.GetBaseException().Message} The run refuses to resume; to start a new run, move the state folder away (it is kept, not deleted).";
                record.State.Components = statuses;
                record.State.ExitCode = ExitCodes.CriticalComponentFailed;
                LogRestoreFailed(logger, component.Name, ex);
                await record.TransitionAsync(SystemState.Faulted, reason);
                return false;
            }

            statuses.Add(new ComponentStatus(component.Name, component.Type, component.Critical, result.State, result.Reason, result.Models));
            LogComponentCreated(logger, component.Name, component.Type, result.State, result.Reason ?? "", result.RestoredState, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        record.State.Components = statuses;
        var failedCritical = statuses.FirstOrDefault(s => s.Critical && s.State == ComponentState.Failed);
        if (failedCritical is null)
        {
            await record.SaveAsync();
            return true;
        }

        record.State.ExitCode = ExitCodes.CriticalComponentFailed;
        await record.TransitionAsync(SystemState.Faulted, $"critical component {failedCritical.Name} failed to start: {failedCritical.Reason}");
        return false;
    }

    /// <summary>Gives every producer that started its routes; a component that failed to start is routed nothing.</summary>
    public async Task WireAsync()
    {
        var excluded = record.FailedComponents();
        foreach (var name in excluded) LogNotRouted(logger, name);
        foreach (var component in RequirePlan().ActivationOrder.Where(c => !excluded.Contains(c.Name)))
        {
            await ports.Host(component.Name).WireAsync(Routes!.WiringFor(component, excluded));
        }

        foreach (var line in Routes!.Describe()) LogRoute(logger, line);
    }

    /// <summary>Rewires the producers of <paramref name="eventType"/> after a subscription changed at run time.</summary>
    public async Task RewireProducersAsync(string eventType)
    {
        var excluded = record.FailedComponents();
        foreach (var producer in RequirePlan().ActivationOrder.Where(c => c.Publishes.Contains(eventType) && !excluded.Contains(c.Name)))
        {
            await ports.Host(producer.Name).WireAsync(Routes!.WiringFor(producer, excluded));
        }
    }

    /// <summary>Starts the components in start order (data sources last); each is Running unless it is Degraded.</summary>
    public async Task StartAsync()
    {
        var excluded = record.FailedComponents();
        foreach (var component in RequirePlan().StartOrder.Where(c => !excluded.Contains(c.Name)))
        {
            await ports.Host(component.Name).StartAsync();
            record.SetComponent(component.Name, s => s.State == ComponentState.Degraded ? s : s with { State = ComponentState.Running });
        }
    }

    public async Task StopDataAsync()
    {
        foreach (var source in Sources) await ports.Host(source.Name).StopDataAsync();
    }

    /// <summary>The emergency path's stop: every source is told at once, and nobody waits for a publish in progress.</summary>
    public Task HaltDataAsync() => Task.WhenAll(Sources.Select(c => ports.Host(c.Name).HaltDataAsync()));

    /// <summary>Starts the data sources of the current plan again (a mode switch that could not go ahead).</summary>
    public async Task RestartDataAsync()
    {
        foreach (var source in Sources) await ports.Host(source.Name).StartAsync();
    }

    /// <summary>Every component stops, in stop order (data first).</summary>
    public async Task StopAsync()
    {
        foreach (var component in RequirePlan().StopOrder)
        {
            await ports.Host(component.Name).StopAsync();
            record.SetComponent(component.Name, s => s with { State = s.State == ComponentState.Failed ? ComponentState.Failed : ComponentState.Stopped });
        }
    }

    /// <summary>Every execution handler cancels its working orders and, if asked, flattens.</summary>
    public async Task ProtectKeepersAsync(BookProtection protection)
    {
        foreach (var keeper in Keepers) await ports.Host(keeper.Name).ProtectPositionsAsync(protection);
    }

    /// <summary>Cancels working orders (and flattens if asked) and says what that did to the book.</summary>
    public async Task<string> ProtectBookAsync(bool flatten)
    {
        var before = (await AskAccountAsync()).Account;
        await ProtectKeepersAsync(BookProtection.Shutdown(flatten));
        var after = (await AskAccountAsync()).Account;
        if (before is null || after is null) return "no execution handler answered for its book";
        return string.Create(CultureInfo.InvariantCulture,
            $"{before.Orders.Count - after.Orders.Count} working orders cancelled, {before.Positions.Count - after.Positions.Count} positions closed, {after.Positions.Count} open; P&L today {after.RealizedPnlToday:F2}");
    }

    /// <summary>The execution handler's book, or a note saying why there is none.</summary>
    public async Task<(AccountView? Account, string? Note)> AskAccountAsync()
    {
        var keeper = OfRole(Plan?.ActivationOrder ?? [], ComponentRole.ExecutionHandler).FirstOrDefault();
        if (keeper is null) return (null, "no execution handler is configured");
        if (record.Component(keeper.Name) is { State: ComponentState.Failed } failed) return (null, $"{keeper.Name} failed: {failed.Reason}");
        try
        {
            var reply = await ports.Host(keeper.Name).CallAsync(new AccountViewRequest());
            return reply is AccountViewReply book ? (book.Account, null) : (null, $"{keeper.Name} answered {reply.GetType().Name}");
        }
        catch (Exception ex)
        {
            return (null, $"{keeper.Name} could not report its book: {ex.Message}");
        }
    }

    /// <summary>Every component's bus counters and the kernel's, read in one wave.</summary>
    public async Task<List<BusCounters>> ReadCountersAsync()
    {
        var wave = await Task.WhenAll(RequirePlan().ActivationOrder.Select(c => ports.Host(c.Name).GetCountersAsync()));
        return [.. wave, counters.Snapshot()];
    }

    /// <summary>Waits until two waves of counters prove the bus quiet (<see cref="EventFlush"/>), or the timeout passes.</summary>
    public async Task<FlushResult> FlushAsync(TimeSpan timeout, CancellationToken cancellation = default)
    {
        var started = Stopwatch.GetTimestamp();
        var flush = new EventFlush();
        var delay = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            if (flush.IsQuiet(await ReadCountersAsync()))
            {
                return new FlushResult(true, flush.Totals.Sent, flush.Totals.Handled, Stopwatch.GetElapsedTime(started));
            }

            if (Stopwatch.GetElapsedTime(started) > timeout || cancellation.IsCancellationRequested)
            {
                LogFlushTimedOut(logger, flush.Totals.Sent, flush.Totals.Handled, timeout.TotalMilliseconds);
                return new FlushResult(false, flush.Totals.Sent, flush.Totals.Handled, Stopwatch.GetElapsedTime(started));
            }

            await Task.Delay(delay, CancellationToken.None);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 20));
        }
    }

    /// <summary>Each component's health sample; a host that does not answer is left out.</summary>
    public async Task<Dictionary<string, ComponentHealthSample>> ReadHealthAsync()
    {
        if (Plan is null) return [];
        var names = Plan.ActivationOrder.Select(c => c.Name).ToList();
        var samples = await Task.WhenAll(names.Select(async name =>
        {
            try { return await ports.Host(name).GetHealthAsync(); }
            catch (Exception) { return null; }
        }));
        var health = new Dictionary<string, ComponentHealthSample>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (samples[i] is { } sample) health[names[i]] = sample;
        }

        return health;
    }

    /// <summary>Each component and the silo its host runs on, in activation order; null when its host did not answer.</summary>
    public async Task<List<(string Component, string? Silo)>> ReadPlacementsAsync()
    {
        var health = await ReadHealthAsync();
        return RequirePlan().ActivationOrder.Select(c => (c.Name, health.GetValueOrDefault(c.Name)?.Silo is { Length: > 0 } silo ? silo : null)).ToList();
    }

    [LoggerMessage(EventId = 216, Level = LogLevel.Critical, Message = "The saved state of {Component} cannot be restored; the run refuses to resume")]
    private static partial void LogRestoreFailed(ILogger logger, string component, Exception exception);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Component {Component} ({Kind}): {State} {Reason} (restored state: {Restored}) in {ElapsedMs:F1} ms")]
    private static partial void LogComponentCreated(ILogger logger, string component, string kind, ComponentState state, string reason, bool restored, double elapsedMs);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Component {Component} failed to start: events to it are not routed")]
    private static partial void LogNotRouted(ILogger logger, string component);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Route {Route}")]
    private static partial void LogRoute(ILogger logger, string route);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Flush timed out after {TimeoutMs} ms: {Sent} deliveries sent, {Handled} handled")]
    private static partial void LogFlushTimedOut(ILogger logger, long sent, long handled, double timeoutMs);
}
