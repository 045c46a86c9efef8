using AlgoSpace.Grains.Bus;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Grains.Kernel.Run;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The operator console's side of the kernel: status, routes, configuration and the book are read at any time; a
/// mode switch and a shutdown are checked against the operator token and queued as operations, each step recorded
/// as it finishes so that the client can print it.
/// </summary>
public sealed partial class OperatorDesk(
    AlgoSpaceSettings settings,
    ComponentFleet fleet,
    KernelOperations operations,
    ModeSwitchRules rules,
    RunRecord record,
    RunReporter reporter,
    OperationLog log,
    KernelCounters counters,
    OperatorAuthorization authorization,
    EffectiveConfiguration? configuration,
    IKernelPorts ports,
    ILogger logger)
{
    private readonly RateWindow _rates = new(TimeSpan.FromSeconds(10));

    public async Task<SystemStatusReport> GetSystemStatusAsync(string siloAddress)
    {
        var health = await fleet.ReadHealthAsync();
        var totals = PublishedTotals(health.Values.Select(h => h.Counters));
        _rates.Add(DateTime.UtcNow, totals);
        var components = fleet.Plan is null ? [] : fleet.Plan.ActivationOrder.Select(c =>
        {
            var known = record.Component(c.Name);
            var sample = health.GetValueOrDefault(c.Name);
            return new ComponentHealth(c.Name, c.Type, c.Critical, known?.State ?? ComponentState.Created, known?.Reason,
                sample?.Counters.Handled ?? 0, sample?.Counters.Failed ?? 0, sample?.Counters.Sent ?? 0, sample?.Detail ?? "",
                string.IsNullOrEmpty(sample?.Silo) ? null : sample.Silo);
        }).ToList();
        var (account, note) = await fleet.AskAccountAsync();
        var silos = SiloRoster.Build(await ReadSilosAsync(), components.Select(c => (c.Name, c.Silo)), DateTime.UtcNow);
        var state = record.State;
        return new SystemStatusReport(
            state.RunId ?? "", state.Mode, state.State, reporter.StartedUtc, DateTime.UtcNow - reporter.StartedUtc, components,
            _rates.Rates(), totals, _rates.Span, Latency(health.Values), account, note, log.Steps, log.Operation, state.ExitCode,
            state.Transitions.TakeLast(10).ToList(), siloAddress, silos);
    }

    /// <summary>The membership table's rows; none if it cannot be read now, and the silos the components name show as Unknown.</summary>
    private async Task<IReadOnlyList<SiloMember>> ReadSilosAsync()
    {
        try
        {
            return await ports.ReadSilosAsync();
        }
        catch (Exception ex)
        {
            // A status read must not fail because the table is unreachable for a moment (a recovery under way).
            LogMembershipUnread(logger, ex.Message);
            return [];
        }
    }

    public async Task<IReadOnlyList<RouteView>> GetRoutesAsync()
    {
        if (fleet.Routes is not { } table) return [];
        var health = await fleet.ReadHealthAsync();
        var routes = new List<RouteView>();
        foreach (var type in table.EventTypes)
        {
            foreach (var subscriber in table.SubscribersOf(type))
            {
                var delivered = subscriber == KernelKeys.KernelSubscriber
                    ? counters.ByType.GetValueOrDefault(type)
                    : health.GetValueOrDefault(subscriber)?.Counters.HandledByType.GetValueOrDefault(type) ?? 0;
                routes.Add(new RouteView(type, table.ProducersOf(type).ToList(), subscriber, delivered));
            }
        }

        return routes;
    }

    public string GetConfiguration()
    {
        var yaml = configuration?.Yaml ?? "# The effective configuration is not registered in this host.\n";
        return record.State.SwitchedTo is { } switched
            ? $"# The operator switched this run to {RunRecord.ModeName(switched)} mode; system.mode below is the file's.\n" + yaml
            : yaml;
    }

    public async Task<AccountView?> GetAccountAsync() => (await fleet.AskAccountAsync()).Account;

    public async Task<OperatorReply> SwitchModeAsync(OperatorRequest request, string mode)
    {
        var command = $"mode {mode}";
        if (Refuse(request, command) is { } refused) return refused;
        if (!ModeSwitchRules.TryParseMode(mode, out var target)) return Refused(request, command, $"unknown mode '{mode}': expected live or backtest");
        if (SwitchRefusal(target) is { } reason) return Refused(request, command, reason);
        if (!settings.System.FlattenOnModeSwitch && (await fleet.AskAccountAsync()).Account is { Positions.Count: > 0 } open)
        {
            return Refused(request, command, $"{open.Positions.Count} positions are open and system.flatten_on_mode_switch is false: the {RunRecord.ModeName(target)} handler starts with an empty book");
        }

        // The book was read across an await: check again that nothing else began meanwhile.
        if (SwitchRefusal(target) is not null) return Refused(request, command, "another operation started meanwhile");
        LogOperatorCommand(logger, command, request.Client);
        var from = RunRecord.ModeName(record.Mode);
        operations.RequestSwitch(target, request.Client);
        return OperatorReply.Accept($"switching from {from} to {RunRecord.ModeName(target)} mode");
    }

    private string? SwitchRefusal(TradingMode target) => rules.Refusal(target, record.Mode, record.Current, fleet.Plan is not null,
        operations.EmergencyStarted, operations.Stopping, operations.SwitchUnderway);

    public OperatorReply OperatorShutdown(OperatorRequest request, bool emergency)
    {
        var command = emergency ? "shutdown --emergency" : "shutdown";
        if (Refuse(request, command) is { } refused) return refused;
        if (operations.EmergencyStarted) return Refused(request, command, "an emergency shutdown is already under way");
        if (record.Current == SystemState.Stopped) return Refused(request, command, "the system is already stopped");
        LogOperatorCommand(logger, command, request.Client);
        if (emergency)
        {
            operations.ScheduleEmergency($"operator {request.Client} asked for an emergency shutdown");
            return OperatorReply.Accept("emergency shutdown under way (5-second path)");
        }

        if (operations.Stopping) return OperatorReply.Accept("a graceful shutdown is already under way");
        operations.RequestShutdown(StopReason.Operator, $"operator {request.Client} asked for a shutdown");
        return OperatorReply.Accept("graceful shutdown under way");
    }

    /// <summary>Samples the event counts (every few seconds while the system runs), so that a one-off `status` shows rates.</summary>
    public async Task SampleAsync()
    {
        try
        {
            // Counts only: the hosts' latency samples and status lines are for a status call.
            if (fleet.Plan is not null) _rates.Add(DateTime.UtcNow, PublishedTotals(await fleet.ReadCountersAsync()));
        }
        catch (Exception ex)
        {
            LogSamplerFailed(logger, ex.Message);
        }
    }

    private OperatorReply? Refuse(OperatorRequest request, string command) =>
        authorization.Refusal(request.Token) is { } reason ? Refused(request, command, reason) : null;

    private OperatorReply Refused(OperatorRequest request, string command, string reason)
    {
        LogOperatorRefused(logger, command, request.Client, reason);
        return OperatorReply.Refuse($"{command} refused: {reason}");
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

    [LoggerMessage(EventId = 220, Level = LogLevel.Warning, Message = "Operator command '{Command}' from {Client} refused: {Reason}")]
    private static partial void LogOperatorRefused(ILogger logger, string command, string client, string reason);

    [LoggerMessage(EventId = 221, Level = LogLevel.Information, Message = "Operator command '{Command}' from {Client} accepted")]
    private static partial void LogOperatorCommand(ILogger logger, string command, string client);

    [LoggerMessage(EventId = 224, Level = LogLevel.Debug, Message = "Status sampling failed: {Error}")]
    private static partial void LogSamplerFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 235, Level = LogLevel.Debug, Message = "The membership table could not be read for the status; its silos show as Unknown: {Error}")]
    private static partial void LogMembershipUnread(ILogger logger, string error);
}
