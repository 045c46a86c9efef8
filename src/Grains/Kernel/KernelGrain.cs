using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Interfaces.Operator;
using AlgoSpace.Grains.Kernel.Run;
using AlgoSpace.Grains.Reporting;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The kernel grain: a thin host. The run's record and state machine are <see cref="RunRecord"/>, the operations
/// <see cref="KernelOperations"/> (each a <see cref="RunSequence"/> operation over <see cref="KernelRun"/>), the
/// operator's side <see cref="OperatorDesk"/>. The grain gives them Orleans (<see cref="IKernelPorts"/>): component
/// hosts, persistence, timers for operations that run as flows of their own, and the observers.
/// </summary>
public sealed class KernelGrain : Grain, IKernelGrain, IKernelOperatorGrain, IKernelPorts, IKernelStateStore
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(2);

    private readonly IPersistentState<KernelState> _state;
    private readonly IEnumerable<IRunReportSink> _sinks;
    private readonly ILogger _logger;
    private readonly HashSet<IKernelObserver> _observers = [];
    private readonly RunRecord _record;
    private readonly ComponentFleet _fleet;
    private readonly KernelOperations _operations;
    private readonly KernelEvents _events;
    private readonly OperatorDesk _desk;
    private readonly IClusterMembershipService _membership;
    private IGrainTimer? _sampler;

    public KernelGrain(
        [PersistentState("kernel", StorageNames.State)] IPersistentState<KernelState> state,
        AlgoSpaceSettings settings,
        ComponentRegistry registry,
        IEnumerable<IRunReportSink> sinks,
        OperatorAuthorization authorization,
        IClusterMembershipService membership,
        ILoggerFactory loggers,
        EffectiveConfiguration? configuration = null)
    {
        _state = state;
        _membership = membership;
        _sinks = sinks;
        _logger = loggers.CreateLogger<KernelGrain>();
        var counters = new KernelCounters();
        _record = new RunRecord(this, settings, loggers.CreateLogger<RunRecord>());
        _fleet = new ComponentFleet(settings, registry, this, _record, counters, loggers.CreateLogger<ComponentFleet>());
        var checkpoints = new CheckpointCoordinator(settings, this, _fleet, _record, loggers.CreateLogger<CheckpointCoordinator>());
        var reporter = new RunReporter(settings, this, _fleet, _record, _logger);
        var run = new KernelRun(settings, _fleet, checkpoints, reporter, _record, counters, this, loggers.CreateLogger<KernelRun>());
        var log = new OperationLog(loggers.CreateLogger<OperationLog>());
        var sequence = new RunSequence(settings.System, loggers.CreateLogger<RunSequence>());
        _operations = new KernelOperations(settings, sequence, run, _fleet, checkpoints, _record, log, this, loggers.CreateLogger<KernelOperations>());
        _events = new KernelEvents(_operations, run, _record, counters, loggers.CreateLogger<KernelEvents>());
        _desk = new OperatorDesk(settings, _fleet, _operations, new ModeSwitchRules(settings, registry), _record, reporter, log, counters,
            authorization, configuration, this, loggers.CreateLogger<OperatorDesk>());
    }

    // The silos' and the components' side (IKernelGrain). Components called by the kernel may call it back on the
    // same call chain (an error report, a subscription): the kernel must not wait for itself.

    public async Task<KernelStatus> StartupAsync(string silo)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        return await _operations.StartupAsync(silo);
    }

    public Task RequestShutdownAsync(StopReason reason, string detail) => _operations.RequestShutdown(reason, detail);

    public async Task EmergencyShutdownAsync(string reason)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        await _operations.EmergencyAsync(reason);
    }

    public async Task<CheckpointResult> CheckpointAsync(DateTime simTime)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        return await _operations.CheckpointAsync(simTime);
    }

    public Task DeliverAsync(EventEnvelope envelope) => _events.DeliverAsync(envelope);

    public async Task SubscribeAsync(string eventType, string component)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        _fleet.RequirePlan();
        if (_fleet.Routes!.Subscribe(eventType, component)) await _fleet.RewireProducersAsync(eventType);
    }

    public async Task UnsubscribeAsync(string eventType, string component)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        _fleet.RequirePlan();
        if (_fleet.Routes!.Unsubscribe(eventType, component)) await _fleet.RewireProducersAsync(eventType);
    }

    public Task RecoverAsync(string silo, string cause)
    {
        _operations.RequestRecovery(silo, cause);
        return Task.CompletedTask;
    }

    public async Task HandOverAsync(string silo)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        await _operations.HandOverAsync(silo);
    }

    public Task SiloJoinedAsync(string silo)
    {
        _operations.NoteSiloJoined(silo);
        return Task.CompletedTask;
    }

    public Task ComponentLostAsync(string component, string detail)
    {
        _operations.ReportComponentLost(component, detail);
        return Task.CompletedTask;
    }

    public Task ObserveAsync(IKernelObserver observer)
    {
        _observers.Add(observer);
        return Task.CompletedTask;
    }

    public Task<KernelStatus> GetStatusAsync() => Task.FromResult(_record.Status());

    public async Task StopDataAsync()
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        await _fleet.StopDataAsync();
    }

    public async Task<FlushResult> FlushAsync(TimeSpan timeout)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        return await _fleet.FlushAsync(timeout);
    }

    // The operator's side (IKernelOperatorGrain).

    public Task<SystemStatusReport> GetSystemStatusAsync() => _desk.GetSystemStatusAsync(RuntimeIdentity);

    public Task<KernelStatus> GetKernelStatusAsync() => GetStatusAsync();

    public Task<IReadOnlyList<RouteView>> GetRoutesAsync() => _desk.GetRoutesAsync();

    public Task<string> GetConfigurationAsync() => Task.FromResult(_desk.GetConfiguration());

    public Task<AccountView?> GetAccountAsync() => _desk.GetAccountAsync();

    public Task<OperatorReply> SwitchModeAsync(OperatorRequest request, string mode) => _desk.SwitchModeAsync(request, mode);

    public Task<OperatorReply> OperatorShutdownAsync(OperatorRequest request, bool emergency) => Task.FromResult(_desk.OperatorShutdown(request, emergency));

    // What the plain classes get from Orleans (IKernelPorts, IKernelStateStore).

    IComponentHostGrain IKernelPorts.Host(string component) => GrainFactory.GetGrain<IComponentHostGrain>(component);

    ICheckpointGrain IKernelPorts.Checkpoints => GrainFactory.GetGrain<ICheckpointGrain>(KernelKeys.Checkpoints);

    IEnumerable<IRunReportSink> IKernelPorts.ReportSinks => _sinks;

    /// <summary>Runs <paramref name="operation"/> in a turn of its own (an interleaving one-shot timer); its task ends when it does.</summary>
    Task IKernelPorts.Schedule(Func<Task> operation)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        this.RegisterGrainTimer(async _ =>
        {
            // A new flow: not part of the delivery (and its call chain) that asked for it.
            RequestContext.Clear();
            using var reentrancy = RequestContext.AllowCallChainReentrancy();
            try { await operation(); }
            catch (Exception ex) { KernelLog.OperationFailed(_logger, ex); }
            finally { done.TrySetResult(); }
        }, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = true });
        return done.Task;
    }

    void IKernelPorts.NotifyStopped(int exitCode, StopReason reason, string detail)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnSystemStopped(exitCode, reason, detail);
            }
            catch (Exception ex)
            {
                KernelLog.ObserverFailed(_logger, ex.Message);
            }
        }
    }

    void IKernelPorts.StartSampling() =>
        _sampler ??= this.RegisterGrainTimer(async _ =>
        {
            RequestContext.Clear();
            await _desk.SampleAsync();
        }, new GrainTimerCreationOptions { DueTime = SampleEvery, Period = SampleEvery, Interleave = true, KeepAlive = false });

    void IKernelPorts.StopSampling()
    {
        _sampler?.Dispose();
        _sampler = null;
    }

    bool IKernelPorts.IsActiveSilo(string silo) =>
        _membership.CurrentSnapshot.Members.Values.Any(m => m.Status == SiloStatus.Active && m.SiloAddress.ToString() == silo);

    IReadOnlyList<SiloAddress> IKernelPorts.ActiveSilos() =>
        _membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToList();

    /// <summary>
    /// Read through the management grain, not <see cref="IClusterMembershipService"/>: only the table's rows say when
    /// a silo started and when it left, which the operator's list of silos needs.
    /// </summary>
    async Task<IReadOnlyList<SiloMember>> IKernelPorts.ReadSilosAsync()
    {
        var rows = await GrainFactory.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        return rows.Select(r => new SiloMember(r.SiloAddress.ToString(), r.SiloName ?? "", r.Status.ToString(), r.StartTime, LastChanged(r))).ToList();
    }

    /// <summary>
    /// When the row last changed: a silo writes its heartbeat on every status change, and a death is written as a vote
    /// (the silo's own when it leaves, its killers' when declared dead), so the later of the two is when it went.
    /// </summary>
    private static DateTime LastChanged(MembershipEntry row) =>
        row.SuspectTimes is { Count: > 0 } votes && votes.Max(v => v.Item2) is var voted && voted > row.IAmAliveTime ? voted : row.IAmAliveTime;

    KernelState IKernelStateStore.State
    {
        get => _state.State;
        set => _state.State = value;
    }

    Task IKernelStateStore.WriteAsync() => _state.WriteStateAsync();
}

internal static partial class KernelLog
{
    [LoggerMessage(EventId = 214, Level = LogLevel.Warning, Message = "A kernel observer could not be told: {Error}")]
    public static partial void ObserverFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 226, Level = LogLevel.Critical, Message = "A kernel operation failed outside its steps")]
    public static partial void OperationFailed(ILogger logger, Exception exception);
}
