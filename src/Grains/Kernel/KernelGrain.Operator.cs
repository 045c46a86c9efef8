using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Bus;
using AlgoSpace.Checkpoints;
using AlgoSpace.Components;
using AlgoSpace.Components.Calls;
using AlgoSpace.Configuration;
using AlgoSpace.Operator;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoSpace.Kernel;

// The operator console's side of the kernel: status, routes, configuration and the book are read at any time
// (they interleave with everything); a mode switch and a shutdown are checked against the operator token and run in
// the background, each step recorded as it finishes so that the client can print it.
public sealed partial class KernelGrain
{
    private const int MaxSteps = 100;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(2);

    private readonly List<OperationStep> _steps = [];
    private readonly RateWindow _rates = new(TimeSpan.FromSeconds(10));
    private long _stepNumber;
    private string? _operation;
    private Task? _switching;
    private IGrainTimer? _sampler;

    private OperatorAuthorization Authorization =>
        ServiceProvider.GetService<OperatorAuthorization>() ?? OperatorAuthorization.FromEnvironment();

    public async Task<SystemStatusReport> GetSystemStatusAsync()
    {
        var health = await ReadHealthAsync();
        var totals = PublishedTotals(health.Values.Select(h => h.Counters));
        _rates.Add(DateTime.UtcNow, totals);
        var components = _plan is null ? [] : _plan.ActivationOrder.Select(c =>
        {
            var known = state.State.Components.FirstOrDefault(s => s.Name == c.Name);
            var sample = health.GetValueOrDefault(c.Name);
            return new ComponentHealth(c.Name, c.Type, c.Critical, known?.State ?? ComponentState.Created, known?.Reason,
                sample?.Counters.Handled ?? 0, sample?.Counters.Failed ?? 0, sample?.Counters.Sent ?? 0, sample?.Detail ?? "");
        }).ToList();
        var (account, note) = await AskAccountAsync();
        return new SystemStatusReport(
            state.State.RunId ?? "", state.State.Mode, state.State.State, _startedUtc, DateTime.UtcNow - _startedUtc, components,
            _rates.Rates(), totals, _rates.Span, Latency(health.Values), account, note, _steps.ToList(), _operation, state.State.ExitCode,
            state.State.Transitions.TakeLast(10).ToList(), RuntimeIdentity);
    }

    public async Task<IReadOnlyList<RouteView>> GetRoutesAsync()
    {
        if (_routes is null) return [];
        var health = await ReadHealthAsync();
        var routes = new List<RouteView>();
        foreach (var type in _routes.EventTypes)
        {
            foreach (var subscriber in _routes.SubscribersOf(type))
            {
                var delivered = subscriber == KernelKeys.KernelSubscriber
                    ? _monitored.GetValueOrDefault(type)
                    : health.GetValueOrDefault(subscriber)?.Counters.HandledByType.GetValueOrDefault(type) ?? 0;
                routes.Add(new RouteView(type, _routes.ProducersOf(type).ToList(), subscriber, delivered));
            }
        }

        return routes;
    }

    public Task<string> GetConfigurationAsync()
    {
        var yaml = ServiceProvider.GetService<EffectiveConfiguration>()?.Yaml
            ?? "# The effective configuration is not registered in this host.\n";
        if (state.State.SwitchedTo is { } switched)
        {
            yaml = $"# The operator switched this run to {ModeName(switched)} mode; system.mode below is the file's.\n" + yaml;
        }

        return Task.FromResult(yaml);
    }

    public async Task<AccountView?> GetAccountAsync() => (await AskAccountAsync()).Account;

    public async Task<OperatorReply> SwitchModeAsync(OperatorRequest request, string mode)
    {
        var command = $"mode {mode}";
        if (Refuse(request, command) is { } refused) return refused;
        if (!TryParseMode(mode, out var target)) return Refused(request, command, $"unknown mode '{mode}': expected live or backtest");
        if (SwitchRefusal(target) is { } reason) return Refused(request, command, reason);
        if (!settings.System.FlattenOnModeSwitch && (await AskAccountAsync()).Account is { Positions.Count: > 0 } open)
        {
            return Refused(request, command, $"{open.Positions.Count} positions are open and system.flatten_on_mode_switch is false: the {ModeName(target)} handler starts with an empty book");
        }

        if (_switching is { IsCompleted: false } || _shutdown is not null || _emergency is not null) return Refused(request, command, "another operation started meanwhile");

        LogOperatorCommand(logger, command, request.Client);
        var from = Mode;
        var switching = ScheduleOperation(() => RunSwitchAsync(target, request.Client));
        _switching = switching;
        // A shutdown asked for during the switch waits for it, as it waits for start-up.
        _startup = switching;
        return OperatorReply.Accept($"switching from {ModeName(from)} to {ModeName(target)} mode");
    }

    public Task<OperatorReply> OperatorShutdownAsync(OperatorRequest request, bool emergency)
    {
        var command = emergency ? "shutdown --emergency" : "shutdown";
        if (Refuse(request, command) is { } refused) return Task.FromResult(refused);
        if (_emergency is not null) return Task.FromResult(Refused(request, command, "an emergency shutdown is already under way"));
        if (state.State.State == SystemState.Stopped) return Task.FromResult(Refused(request, command, "the system is already stopped"));
        LogOperatorCommand(logger, command, request.Client);
        if (emergency)
        {
            ScheduleOperation(() => EmergencyShutdownAsync($"operator {request.Client} asked for an emergency shutdown"));
            return Task.FromResult(OperatorReply.Accept("emergency shutdown under way (5-second path)"));
        }

        if (_shutdown is not null) return Task.FromResult(OperatorReply.Accept("a graceful shutdown is already under way"));
        ScheduleShutdown(() => RunGracefulAsync($"operator {request.Client} asked for a shutdown"));
        return Task.FromResult(OperatorReply.Accept("graceful shutdown under way"));
    }

    private OperatorReply? Refuse(OperatorRequest request, string command) =>
        Authorization.Refusal(request.Token) is { } reason ? Refused(request, command, reason) : null;

    private OperatorReply Refused(OperatorRequest request, string command, string reason)
    {
        LogOperatorRefused(logger, command, request.Client, reason);
        return OperatorReply.Refuse($"{command} refused: {reason}");
    }

    private static bool TryParseMode(string text, out TradingMode mode)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "live": mode = TradingMode.Live; return true;
            case "backtest": mode = TradingMode.Backtest; return true;
            default: mode = default; return false;
        }
    }

    /// <summary>Why a switch to <paramref name="target"/> is not safe now; null when it is.</summary>
    private string? SwitchRefusal(TradingMode target)
    {
        if (_emergency is not null) return "an emergency shutdown is under way";
        if (_shutdown is not null) return "a shutdown is under way";
        if (_switching is { IsCompleted: false }) return "another mode switch is already under way";
        if (_plan is null || state.State.State is not (SystemState.Running or SystemState.Degraded))
        {
            return $"the system is {state.State.State}; a switch needs it Running or Degraded";
        }

        if (target == Mode) return $"the system already runs in {ModeName(target)} mode";
        var plan = StartupPlan.For(settings, target, registry.Catalog);
        var roles = plan.ActivationOrder.Select(c => registry.Catalog.Find(c.Type)?.Role).ToList();
        if (!roles.Contains(ComponentRole.DataHandler)) return $"no data handler is configured for {ModeName(target)} mode (components entries with mode: {ModeName(target)} or any)";
        if (!roles.Contains(ComponentRole.ExecutionHandler)) return $"no execution handler is configured for {ModeName(target)} mode";
        var missing = plan.ActivationOrder.FirstOrDefault(c => !registry.IsImplemented(c.Type));
        if (missing is not null) return $"component {missing.Name} ({missing.Type}) has no implementation in this silo";
        if (target == TradingMode.Backtest && string.IsNullOrEmpty(settings.DataHandler.BacktestFile)) return "backtest mode needs data_handler.backtest_file, which is not set";
        if (target == TradingMode.Live && string.IsNullOrEmpty(settings.DataHandler.Live.Url)) return "live mode needs data_handler.live.url, which is not set";
        return null;
    }

    /// <summary>
    /// The switch: stop data, cancel working orders and flatten (system.close_positions_on_shutdown; positions left
    /// open stop the switch before anything is swapped), drain the bus, report a backtest being left, save and stop
    /// every component, then create the new mode's components as a new run (fresh state: the other mode's bars and
    /// indicators belong to another timeline), wire and start them, data last.
    /// </summary>
    private async Task RunSwitchAsync(TradingMode target, string client)
    {
        using var reentrancy = AllowReentrancyFromComponents();
        var from = Mode;
        var started = Stopwatch.GetTimestamp();
        BeginOperation("mode switch", $"{ModeName(from)} to {ModeName(target)} by {client}");
        try
        {
            await TransitionAsync(SystemState.Switching, $"operator {client}: switch from {ModeName(from)} to {ModeName(target)} mode");
            await StopDataAsync();
            Step("stop data", true, "data sources stopped");
            await DrainAsync();
            var flatten = settings.System.FlattenOnModeSwitch;
            if (!flatten && (await AskAccountAsync()).Account is { Positions.Count: > 0 } open)
            {
                // A trade in flight opened a position after the switch was accepted. The new mode's handler starts
                // with an empty book, so the position would be orphaned: stay in this mode, brackets untouched.
                Step("check the book is flat", false, $"{open.Positions.Count} positions open and system.flatten_on_mode_switch is false; staying in {ModeName(from)} mode");
                await RestartDataAsync();
                await TransitionAsync(SystemState.Running, $"switch to {ModeName(target)} abandoned: positions open");
                EndOperation();
                return;
            }

            Step(flatten ? "cancel working orders and flatten" : "cancel working orders", true, await ProtectBookAsync(flatten));
            await DrainAsync();
            if (!_reported)
            {
                _reported = true;
                await ReportAsync();
                Step($"write the {ModeName(from)} report", true, settings.System.OutputDir);
            }

            await StopComponentsAsync();
            Step("stop components", true, $"{_plan!.ActivationOrder.Count} components stopped; the {ModeName(from)} run ends here");

            _plan = StartupPlan.For(settings, target, registry.Catalog);
            _routes = RoutingTable.For(settings, target);
            var restarts = state.State.Restarts;
            var transitions = state.State.Transitions;
            state.State = NewRun(target);
            state.State.Transitions = transitions;
            state.State.Restarts = restarts;
            state.State.Mode = ModeName(target);
            state.State.State = SystemState.Switching;
            state.State.ActivationOrder = _plan.ActivationOrder.Select(c => c.Name).ToList();
            (_reported, _complete, _handled, _committedEpoch) = (false, null, 0, 0);
            _monitored.Clear();
            await Checkpoints.ResetAsync(state.State.RunId!);
            await CreateComponentsAsync(RestorePoint.NewRun);
            var failed = state.State.Components.Where(c => c.State == ComponentState.Failed).ToList();
            Step("create components", failed.Count == 0, failed.Count == 0
                ? $"{state.State.Components.Count} components for {ModeName(target)} mode, run {state.State.RunId}"
                : "failed: " + string.Join("; ", failed.Select(f => $"{f.Name} ({f.Reason})")));
            if (state.State.State == SystemState.Faulted)
            {
                ScheduleShutdown(() => EmergencyShutdownAsync($"a critical component failed to start after the switch to {ModeName(target)} mode"));
                return;
            }

            await WireComponentsAsync();
            Step("wire routes", true, $"{_routes.EventTypes.Count()} event types routed");
            (_startedUtc, _startedTimestamp) = (DateTime.UtcNow, Stopwatch.GetTimestamp());
            await StartComponentsAsync();
            Step("start components", true, $"data last; system {state.State.State}");
            Step("switch complete", true, $"{ModeName(from)} to {ModeName(target)} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
            EndOperation();
        }
        catch (Exception ex)
        {
            LogSwitchFailed(logger, ModeName(target), ex);
            Step("mode switch", false, ex.Message);
            ScheduleShutdown(() => EmergencyShutdownAsync($"the switch to {ModeName(target)} mode failed: {ex.Message}"));
        }
    }

    private async Task DrainAsync()
    {
        var flush = await FlushAsync(TimeSpan.FromSeconds(settings.System.ShutdownTimeout));
        Step("drain the bus", flush.Completed, $"{flush.Handled} deliveries handled of {flush.Sent} sent, {flush.Elapsed.TotalMilliseconds:F0} ms");
        if (!flush.Completed) throw new InvalidOperationException("the bus did not drain within system.shutdown_timeout");
    }

    /// <summary>Starts the data sources of the current plan again (a switch that could not go ahead).</summary>
    private async Task RestartDataAsync()
    {
        foreach (var source in OfRole(_plan!.StartOrder, ComponentRole.DataHandler))
        {
            await Host(source.Name).StartAsync();
        }
    }

    /// <summary>A backtest the operator switched to reached its end: report it and keep the system up for the operator.</summary>
    private async Task CompleteSwitchedBacktestAsync()
    {
        using var reentrancy = AllowReentrancyFromComponents();
        var flush = await FlushAsync(TimeSpan.FromSeconds(settings.System.ShutdownTimeout));
        if (!_reported)
        {
            _reported = true;
            await ReportAsync();
        }

        await TransitionAsync(state.State.State, $"backtest complete (flushed: {flush.Completed}); report written under {settings.System.OutputDir}; waiting for the operator (mode live, or shutdown)");
    }

    /// <summary>Cancels working orders (and flattens if asked) and says what that did to the book.</summary>
    private async Task<string> ProtectBookAsync(bool flatten)
    {
        var before = (await AskAccountAsync()).Account;
        await ProtectKeepersAsync(flatten);
        var after = (await AskAccountAsync()).Account;
        if (before is null || after is null) return "no execution handler answered for its book";
        return string.Create(CultureInfo.InvariantCulture,
            $"{before.Orders.Count - after.Orders.Count} working orders cancelled, {before.Positions.Count - after.Positions.Count} positions closed, {after.Positions.Count} open; P&L today {after.RealizedPnlToday:F2}");
    }

    private async Task<(AccountView? Account, string? Note)> AskAccountAsync()
    {
        var keeper = OfRole(_plan?.ActivationOrder ?? [], ComponentRole.ExecutionHandler).FirstOrDefault();
        if (keeper is null) return (null, "no execution handler is configured");
        if (state.State.Components.FirstOrDefault(c => c.Name == keeper.Name) is { State: ComponentState.Failed } failed)
        {
            return (null, $"{keeper.Name} failed: {failed.Reason}");
        }

        try
        {
            var reply = await Host(keeper.Name).CallAsync(new AccountViewRequest());
            return reply is AccountViewReply book ? (book.Account, null) : (null, $"{keeper.Name} answered {reply.GetType().Name}");
        }
        catch (Exception ex)
        {
            return (null, $"{keeper.Name} could not report its book: {ex.Message}");
        }
    }

    private async Task<Dictionary<string, ComponentHealthSample>> ReadHealthAsync()
    {
        if (_plan is null) return [];
        var names = _plan.ActivationOrder.Select(c => c.Name).ToList();
        var samples = await Task.WhenAll(names.Select(async name =>
        {
            try { return await Host(name).GetHealthAsync(); }
            catch (Exception) { return null; }
        }));
        var health = new Dictionary<string, ComponentHealthSample>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (samples[i] is { } sample) health[names[i]] = sample;
        }

        return health;
    }

    private static Dictionary<string, long> PublishedTotals(IEnumerable<BusCounters> counters)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var component in counters)
        {
            foreach (var (type, count) in component.PublishedByType ?? new Dictionary<string, long>())
            {
                totals[type] = totals.GetValueOrDefault(type) + count;
            }
        }

        return totals;
    }

    private static BusLatency? Latency(IEnumerable<ComponentHealthSample> health)
    {
        var samples = health.SelectMany(h => h.RecentLatencyMicroseconds).Order().ToList();
        return samples.Count == 0 ? null
            : new BusLatency(Percentiles.Of(samples, 50), Percentiles.Of(samples, 99), samples[^1], samples.Count);
    }

    /// <summary>Samples the event counts every few seconds, so that a one-off `status` shows rates.</summary>
    private void StartSampler()
    {
        _sampler ??= this.RegisterGrainTimer(async _ =>
        {
            RequestContext.Clear();
            try
            {
                // Counts only: the hosts' latency samples and status lines are for a status call.
                _rates.Add(DateTime.UtcNow, PublishedTotals(await ReadCountersAsync()));
            }
            catch (Exception ex)
            {
                LogSamplerFailed(logger, ex.Message);
            }
        }, new GrainTimerCreationOptions { DueTime = SampleEvery, Period = SampleEvery, Interleave = true, KeepAlive = false });
    }

    /// <summary>
    /// Starts recording an operation's steps. One that follows from the operation under way (a graceful shutdown
    /// falling back to the emergency path) keeps the earlier steps, so the failure that led to it stays visible.
    /// </summary>
    private void BeginOperation(string operation, string detail)
    {
        if (_operation is null) _steps.Clear();
        _operation = operation;
        Step("begin", true, detail);
    }

    /// <summary>The system has stopped: no more sampling (the silos may be going away).</summary>
    private void StopSampler()
    {
        _sampler?.Dispose();
        _sampler = null;
    }

    private void Step(string step, bool succeeded, string detail)
    {
        var entry = new OperationStep(++_stepNumber, _operation ?? "", step, succeeded, detail, DateTime.UtcNow);
        _steps.Add(entry);
        if (_steps.Count > MaxSteps) _steps.RemoveAt(0);
        LogStep(logger, entry.Operation, step, succeeded ? "done" : "FAILED", detail);
    }

    private void EndOperation() => _operation = null;

    [LoggerMessage(EventId = 220, Level = LogLevel.Warning, Message = "Operator command '{Command}' from {Client} refused: {Reason}")]
    private static partial void LogOperatorRefused(ILogger logger, string command, string client, string reason);

    [LoggerMessage(EventId = 221, Level = LogLevel.Information, Message = "Operator command '{Command}' from {Client} accepted")]
    private static partial void LogOperatorCommand(ILogger logger, string command, string client);

    [LoggerMessage(EventId = 222, Level = LogLevel.Information, Message = "{Operation}: {Step} {Outcome}: {Detail}")]
    private static partial void LogStep(ILogger logger, string operation, string step, string outcome, string detail);

    [LoggerMessage(EventId = 223, Level = LogLevel.Critical, Message = "The switch to {Mode} mode failed")]
    private static partial void LogSwitchFailed(ILogger logger, string mode, Exception exception);

    [LoggerMessage(EventId = 224, Level = LogLevel.Debug, Message = "Status sampling failed: {Error}")]
    private static partial void LogSamplerFailed(ILogger logger, string error);
}
