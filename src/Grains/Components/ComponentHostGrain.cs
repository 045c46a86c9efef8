using System.Diagnostics;
using AlgoSpace.Grains.Bus;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Components.Journal;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.BroadcastChannel;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// Hosts one component in Orleans, keyed by the component's name. The hosting itself (building the component,
/// deduplication, retry, counters, error classification, the checkpoint piece) is the <see cref="ComponentShell"/>'s,
/// as in the in-process runner; this grain adds only the Orleans wiring: the bus transports and their interleaving,
/// the kernel calls, the grain timer that pumps a source, and persistent state through the
/// <see cref="ComponentHostStore"/> (checkpoint pieces and the journal). A source's host also applies the snapshot
/// policy: at a quiescent moment that enters a new period, it asks the kernel for a checkpoint of every component.
/// An instrument's hosts (keys <c>name@SYMBOL</c>) are placed together on one silo (<see cref="InstrumentPlacement"/>).
/// </summary>
[InstrumentPlacement]
[ImplicitChannelSubscription(KernelKeys.BusNamespace)]
[ImplicitStreamSubscription(KernelKeys.BusNamespace)]
[MayInterleave(nameof(IsStreamDelivery))]
public sealed partial class ComponentHostGrain(
    [PersistentState("component", StorageNames.State)] IPersistentState<ComponentHostState> state,
    [PersistentState("journal", StorageNames.State)] IPersistentState<JournalState> journal,
    ComponentRegistry registry,
    AlgoSpaceSettings settings,
    ILogger<ComponentHostGrain> logger)
    : Grain, IComponentHostGrain, IComponentShellHost, IOnBroadcastChannelSubscribed, IStreamSubscriptionObserver, IAsyncObserver<StreamDelivery>
{
    private ComponentShell? _shell;
    private ComponentSpec? _spec;
    private EventBusClient? _bus;
    private ComponentInitResult? _init;
    private RestorePoint? _restore;
    private bool _lostReported;
    private SourcePump _pump = new();
    private readonly LatencyWindow _latency = new();
    private CheckpointPeriods? _periods;
    private ComponentHostStore? _store;

    private string Name => this.GetPrimaryKeyString();

    private ComponentHostStore Store => _store ??= new ComponentHostStore(Name, state, journal, logger);

    /// <summary>Before the kernel initialises this host there is an empty shell, which counts what arrives as not handled.</summary>
    private ComponentShell Shell => _shell ??= NewShell();

    private IComponent? Component => _shell?.Component;

    private ComponentShell NewShell() => new(Name, this, settings.Recovery, logger);

    public async Task<ComponentInitResult> InitializeAsync(ComponentSpec spec, RestorePoint restore)
    {
        if (_init is not null && _spec == spec && _restore == restore) return _init;
        // A host still alive through a recovery in the cluster: its component ran on past the checkpoint it now
        // restores, so it stops first (its source's pump too), and everything below starts afresh.
        if (_shell?.Component is not null) await RetireAsync();
        // Outside the try below: a resumed run without its piece of the checkpoint must not start at all (the kernel
        // refuses to resume), where a component that merely fails to initialise runs Failed or Degraded.
        var (piece, recovered) = await Store.OpenAsync(spec, restore);
        (_spec, _restore, _lostReported) = (spec, restore, false);
        // A new component (a new run after an operator's mode switch) starts with a new shell: its accounting starts
        // afresh, as its bus's sequence and sent count do; the kernel's flush compares the two.
        _shell = NewShell();
        try
        {
            _bus = new EventBusClient(spec, CreateTransport(), GrainFactory, settings.EventBus.MaxQueueSize, piece?.LastSeq ?? 0);
            // After an operator's mode switch the spec names the mode the system now runs in.
            var effective = spec.Mode is { } mode ? settings.InMode(mode) : settings;
            // Live, with no checkpoint to restore (a new run, or one lost before its first): the first tick commits one.
            // Not after a restore from a checkpoint: that one already says where the feed was read to, and a checkpoint
            // at once would meet the cluster while it settles (a recovery's directory ranges, the next silo stopping).
            _periods = new CheckpointPeriods(settings.Persistence.SnapshotEveryBars, checkpointFirst: effective.System.Mode == TradingMode.Live && restore.Epoch == 0);
            var parts = new ComponentHostParts(effective, _bus, Store.JournalFor(recovered), new GrainComponentCalls(GrainFactory, spec.Name),
                () => ServiceProvider.GetService<IModelRegistry>(), "no model registry in this silo");
            _init = _shell.Create(registry, spec, parts, piece);
            if (_shell.Component is ISourceComponent) _bus.AfterPublish = AfterSourcePublishAsync;
            Store.Remember(spec);
        }
        catch (Exception ex)
        {
            _init = new ComponentInitResult(ComponentState.Failed, $"{ex.GetType().Name}: {ex.Message}", false, []);
            LogInitFailed(logger, Name, spec.Kind, ex);
        }

        return _init;
    }

    public Task WireAsync(ComponentWiring wiring)
    {
        _bus?.Wire(wiring);
        return Task.CompletedTask;
    }

    public async Task StartAsync()
    {
        if (Component is not { } component) return;
        await component.StartAsync(CancellationToken.None);
        if (component is ISourceComponent source && !_pump.IsStarted)
        {
            // An interleaving grain timer, so that the host still answers StopDataAsync and counters while the source
            // awaits its publishes. The pump is a flow of its own, not part of the kernel's StartAsync call.
            _pump.Start(
                callback => this.RegisterGrainTimer(_ => callback(),
                    new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = true }),
                stop =>
                {
                    RequestContext.Clear();
                    return Shell.RunSourceAsync(source, stop);
                });
        }
    }

    public Task StopDataAsync() => _pump.StopAsync();

    public Task HaltDataAsync() => _pump.HaltAsync();

    public async Task ProtectPositionsAsync(BookProtection protection)
    {
        if (Component is IPositionKeeper keeper)
        {
            await keeper.ProtectPositionsAsync(protection, CancellationToken.None);
        }
    }

    public async Task CheckpointAsync(long epoch, long committedEpoch, DateTime simTime)
    {
        if (_init is null)
        {
            // An empty piece would be committed as this component's state: refuse, and have the kernel recover.
            await ReportLostAsync();
            throw new InvalidOperationException($"Component {Name} has no state on {RuntimeIdentity} (its silo left or died): it has no piece of checkpoint {epoch}.");
        }

        await Store.SaveCheckpointAsync(() => Shell.Checkpoint(epoch, simTime, _bus?.Seq ?? 0), committedEpoch, _spec);
    }

    /// <summary>
    /// This activation was never initialised by the kernel, yet the run is under way: the grain lived on a silo that
    /// left or died, and Orleans activated it here at the next call. Tells the kernel once per activation.
    /// </summary>
    private async Task ReportLostAsync()
    {
        if (_lostReported) return;
        _lostReported = true;
        LogLost(logger, Name, RuntimeIdentity);
        await TellKernelLostAsync($"activated on {RuntimeIdentity} without its state");
    }

    /// <summary>
    /// Tells the kernel that a silo is gone, as this host found it (the kernel may have been on that silo, and come
    /// back on a survivor at this call). When even that call fails, the survivors' membership watchers report the silo.
    /// </summary>
    private async Task TellKernelLostAsync(string detail)
    {
        try
        {
            using var reentrancy = RequestContext.AllowCallChainReentrancy();
            await GrainFactory.GetGrain<IKernelGrain>(KernelKeys.Kernel).ComponentLostAsync(Name, detail);
        }
        catch (Exception ex)
        {
            LogSiloLossNotTold(logger, Name, ex.GetBaseException().Message);
        }
    }

    public async Task ReleaseAsync()
    {
        if (_shell?.Component is not null) await RetireAsync();
        (_init, _spec, _restore) = (null, null, null);
        LogReleased(logger, Name, RuntimeIdentity);
        // Migration, not a plain deactivation: the placement director picks the new silo now, and the grain directory
        // moves the registration there, so a caller whose cache still names this silo is forwarded to the new one
        // instead of activating the grain here again.
        MigrateOnIdle();
    }

    /// <summary>Stops the component this host runs and its source's pump, before a recovery restores it again.</summary>
    private async Task RetireAsync()
    {
        await _pump.StopAsync();
        _pump.Dispose();
        _pump = new SourcePump();
        await _shell!.StopAsync();
    }

    /// <summary>
    /// The snapshot policy, applied by a source's host after each publish of ticks returns: the pipeline is then
    /// quiescent (lockstep: everything the ticks caused has been handled), and when simulation time has entered a new
    /// period of persistence.snapshot_every_bars 30-minute bars, the kernel takes a checkpoint of every component.
    /// </summary>
    private async Task AfterSourcePublishAsync(string eventType, DateTime simTime)
    {
        if (eventType != EventTypes.NewTick || _periods?.Enters(simTime) != true) return;
        var result = await GrainFactory.GetGrain<IKernelGrain>(KernelKeys.Kernel).CheckpointAsync(simTime);
        if (!result.Committed) LogCheckpointSkipped(logger, Name, simTime, result.Skipped ?? "");
    }

    public async Task StopAsync()
    {
        await _pump.StopAsync();
        _pump.Dispose();
        if (_shell is { } shell) await shell.StopAsync();
    }

    public Task DeliverAsync(EventEnvelope envelope) => HandleAsync(envelope);

    public Task<BusCounters> GetCountersAsync() => Task.FromResult(Shell.Counters(_bus?.Sent ?? 0, _bus?.PublishedByType));

    public async Task<ComponentHealthSample> GetHealthAsync()
    {
        var counters = await GetCountersAsync();
        string detail;
        try
        {
            detail = Component?.Query("status") ?? "";
        }
        catch (Exception ex)
        {
            detail = $"status unavailable: {ex.Message}";
        }

        return new ComponentHealthSample(counters, detail, _latency.Samples(), GrainContext.Address.SiloAddress?.ToString() ?? "");
    }

    public async Task<AlgoSpace.Grains.Interfaces.Components.Calls.ComponentReply> CallAsync(AlgoSpace.Grains.Interfaces.Components.Calls.ComponentRequest request)
    {
        if (Component is not ICallableComponent callable)
        {
            throw new ComponentCallException(Component is null
                ? $"Component {Name} is not initialised; it cannot answer {request.GetType().Name}."
                : $"Component {Name} ({_spec?.Kind}) answers no calls; {request.GetType().Name} was sent to the wrong component.");
        }

        return await callable.AnswerAsync(request, CancellationToken.None);
    }

    public Task<string> QueryAsync(string question) => Task.FromResult(Component?.Query(question) ?? "");

    // Broadcast-channel transport: every channel keyed by this component's name delivers here.
    public Task OnSubscribed(IBroadcastChannelSubscription subscription) =>
        subscription.Attach<EventEnvelope>(HandleAsync, ex => { LogTransportError(logger, Name, ex); return Task.CompletedTask; });

    // Stream transport: the implicit stream keyed by this component's name delivers here.
    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<StreamDelivery>().ResumeAsync(this);

    /// <summary>Handles a stream delivery, then tells its producer, which waits for that (lockstep over streams).</summary>
    public async Task OnNextAsync(StreamDelivery item, StreamSequenceToken? token = null)
    {
        try
        {
            await HandleAsync(item.Envelope);
        }
        finally
        {
            await GrainFactory.GetGrain<IComponentHostGrain>(item.ReplyTo).AcknowledgeAsync(item.DeliveryId);
        }
    }

    public Task AcknowledgeAsync(long deliveryId)
    {
        (_bus?.Transport as StreamTransport)?.Acknowledge(deliveryId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stream deliveries may interleave, as broadcast deliveries do by call-chain reentrancy: with acknowledged
    /// sends a producer waits inside its turn until its subscribers have handled the event, so a subscriber that
    /// answers it (POSITION_UPDATE to the EXECUTE_TRADE's sender) must get in, or both would wait for ever. Each
    /// producer has one delivery in flight at a time, so in a lockstep backtest only such replies interleave.
    /// </summary>
    public static bool IsStreamDelivery(IInvokable request) => request.GetInterfaceType() == StreamConsumerExtension;

    /// <summary>
    /// Orleans' stream delivery interface. It is internal to Orleans, so it is found by name once, and a version of
    /// Orleans without it fails the silo's start here instead of silently deadlocking stream deliveries.
    /// </summary>
    private static readonly Type StreamConsumerExtension =
        typeof(IAsyncStream<>).Assembly.GetType("Orleans.Streams.IStreamConsumerExtension", throwOnError: true)!;

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogTransportError(logger, Name, ex);
        return Task.CompletedTask;
    }

    private async Task HandleAsync(EventEnvelope envelope)
    {
        if (DeliveryClock.Take() is { } hop) _latency.Record(TimeSpan.FromMicroseconds(hop));
        if (_init is null)
        {
            // Counted as not handled, told to the kernel once, and not logged per event: the recovery it starts
            // replays this event from the last checkpoint.
            Shell.CountNotReady();
            await ReportLostAsync();
            return;
        }

        var started = Stopwatch.GetTimestamp();
        bool handled;
        using (BusTelemetry.StartHandle(envelope, Name))
        {
            handled = await Shell.HandleAsync(envelope);
        }

        if (!handled) return;
        var microseconds = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        BusTelemetry.RecordHandled(envelope, microseconds);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogHandled(logger, Name, envelope.Type, envelope.Seq, envelope.Source, envelope.CorrelationId, microseconds);
        }
    }

    /// <summary>
    /// Errors go to the kernel as SYSTEM_ERROR, straight to it rather than through the routing table, so that a
    /// component need not declare them. The kernel acts on them after this delivery returns.
    /// </summary>
    async ValueTask IComponentShellHost.ReportErrorAsync(SystemErrorPayload error) => await TellKernelAsync(error);

    /// <summary>A delivery or call of this component could not reach another silo, which is gone: the kernel recovers the run.</summary>
    async ValueTask<bool> IComponentShellHost.ReportSiloLossAsync(string during, Exception exception)
    {
        LogSiloLoss(logger, Name, during, exception.GetBaseException().Message);
        await TellKernelLostAsync($"a delivery during {during} on {RuntimeIdentity} could not reach another silo");
        return true;
    }

    /// <summary>
    /// A running component reported itself degraded (IComponentContext.ReportDegraded): the kernel marks it so, as it
    /// does for a non-critical error. Not awaited: the component is in the middle of its own work.
    /// </summary>
    void IComponentShellHost.ReportDegraded(string reason)
    {
        LogDegraded(logger, Name, reason);
        _ = TellKernelAsync(new SystemErrorPayload(Name, "Degraded", reason, false)).ContinueWith(
            t => LogDegradedNotTold(logger, Name, t.Exception!.GetBaseException().Message),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
    }

    private Task TellKernelAsync(SystemErrorPayload payload)
    {
        var envelope = new EventEnvelope(EventTypes.SystemError, 0, DateTime.UtcNow, Name, _bus?.CurrentCorrelation ?? Name, payload);
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        return GrainFactory.GetGrain<IKernelGrain>(KernelKeys.Kernel).DeliverAsync(envelope);
    }

    private IBusTransport CreateTransport() => settings.EventBus.Transport switch
    {
        BusTransport.Stream => new StreamTransport(this.GetStreamProvider(KernelKeys.StreamProvider), this.GetPrimaryKeyString()),
        _ => new BroadcastTransport(ServiceProvider.GetRequiredKeyedService<IBroadcastChannelProvider>(KernelKeys.BroadcastProvider)),
    };

    [LoggerMessage(EventId = 315, Level = LogLevel.Warning, Message = "Component {Component} was activated on {Silo} without its state (its silo left or died); the kernel is told, and restores the run from its last checkpoint")]
    private static partial void LogLost(ILogger logger, string component, string silo);

    [LoggerMessage(EventId = 316, Level = LogLevel.Warning, Message = "Component {Component}: handling {During} failed because another silo is gone ({Error}); the kernel restores the run from its last checkpoint")]
    private static partial void LogSiloLoss(ILogger logger, string component, string during, string error);

    [LoggerMessage(EventId = 317, Level = LogLevel.Warning, Message = "Component {Component} could not tell the kernel that a silo is gone ({Error}); the survivors' membership watchers report it")]
    private static partial void LogSiloLossNotTold(ILogger logger, string component, string error);

    [LoggerMessage(EventId = 318, Level = LogLevel.Information, Message = "Component {Component} stopped on {Silo} and released to move: its next activation is placed on the silo its instrument now belongs to")]
    private static partial void LogReleased(ILogger logger, string component, string silo);

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Component {Component} ({Kind}) failed to initialise")]
    private static partial void LogInitFailed(ILogger logger, string component, string kind, Exception exception);

    [LoggerMessage(EventId = 308, Level = LogLevel.Warning, Message = "Component {Component} reports itself degraded: {Reason}")]
    private static partial void LogDegraded(ILogger logger, string component, string reason);

    [LoggerMessage(EventId = 309, Level = LogLevel.Error, Message = "Component {Component} could not tell the kernel it is degraded: {Error}")]
    private static partial void LogDegradedNotTold(ILogger logger, string component, string error);

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Source {Component}: no checkpoint at {SimTime:O}: {Reason}")]
    private static partial void LogCheckpointSkipped(ILogger logger, string component, DateTime simTime, string reason);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "Bus transport error at {Component}")]
    private static partial void LogTransportError(ILogger logger, string component, Exception exception);

    [LoggerMessage(EventId = 307, Level = LogLevel.Debug, Message = "{Component} handled {EventType} #{Seq} from {Source} (correlation {CorrelationId}) in {Microseconds:F1} us")]
    private static partial void LogHandled(ILogger logger, string component, string eventType, long seq, string source, string correlationId, double microseconds);
}
