using System.Diagnostics;
using AlgoSpace.Bus;
using AlgoSpace.Checkpoints;
using AlgoSpace.Components.Journal;
using AlgoSpace.Configuration;
using AlgoSpace.Events;
using AlgoSpace.Kernel;
using AlgoSpace.Models;
using Microsoft.Extensions.DependencyInjection;
using Orleans.BroadcastChannel;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using Orleans.Streams;
using Orleans.Streams.Core;
using Polly;

namespace AlgoSpace.Components;

/// <summary>
/// Hosts one component's logic, keyed by the component's name. It is a thin shell: the logic is a plain
/// <see cref="IComponent"/>; the host adds the bus, the retry policy, error reporting to the kernel, the data pump
/// of a source, and persistence: the component's pieces of the run's checkpoints (state "component") and its
/// journal (state "journal"). A source's host also applies the snapshot policy: at a quiescent moment that enters a
/// new period, it asks the kernel for a checkpoint of every component.
/// </summary>
[ImplicitChannelSubscription(KernelKeys.BusNamespace)]
[ImplicitStreamSubscription(KernelKeys.BusNamespace)]
[MayInterleave(nameof(IsStreamDelivery))]
public sealed partial class ComponentHostGrain(
    [PersistentState("component", StorageNames.State)] IPersistentState<ComponentHostState> state,
    [PersistentState("journal", StorageNames.State)] IPersistentState<JournalState> journal,
    ComponentRegistry registry,
    AlgoSpaceSettings settings,
    ILogger<ComponentHostGrain> logger)
    : Grain, IComponentHostGrain, IOnBroadcastChannelSubscribed, IStreamSubscriptionObserver, IAsyncObserver<StreamDelivery>
{
    private readonly Dictionary<string, long> _handledByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _handledBySource = new(StringComparer.Ordinal);
    private IComponent? _component;
    private ComponentSpec? _spec;
    private EventBusClient? _bus;
    private ResiliencePipeline _retry = ResiliencePipeline.Empty;
    private ResiliencePipeline? _journalWritesPipeline;
    private ComponentInitResult? _init;
    private CancellationTokenSource? _pumpStop;
    private TaskCompletionSource? _pumpDone;
    private IGrainTimer? _pumpTimer;
    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly LatencyWindow _latency = new();
    private Dictionary<string, long> _lastHandled = new(StringComparer.Ordinal);
    private long? _checkpointBucket;

    /// <summary>The last checkpoint this host restored or wrote a piece of: the key of what it journals now.</summary>
    private long _epoch;
    private long _handled;
    private long _failed;
    private long _duplicates;

    private string Name => this.GetPrimaryKeyString();

    public async Task<ComponentInitResult> InitializeAsync(ComponentSpec spec, RestorePoint restore)
    {
        if (_init is not null && _spec == spec) return _init;
        if (!restore.Resume)
        {
            if (state.RecordExists) await state.ClearStateAsync();
            if (journal.RecordExists) await journal.ClearStateAsync();
        }

        // Outside the try below: a resumed run without its piece of the checkpoint must not start at all (the kernel
        // refuses to resume), where a component that merely fails to initialise runs Failed or Degraded.
        var piece = restore.Resume ? PieceToRestore(spec, restore.Epoch) : null;
        var recovered = restore.Resume ? journal.State.Entries.Where(e => e.Epoch >= restore.Epoch).Select(e => e.Record).ToList() : [];
        _spec = spec;
        _component = null;
        _epoch = restore.Resume ? restore.Epoch : 0;
        _checkpointBucket = null;
        // A new component (a new run after an operator's mode switch) starts its accounting afresh, as its bus's
        // sequence and sent count do; the kernel's flush compares the two.
        (_handled, _failed, _duplicates) = (0, 0, 0);
        _handledByType.Clear();
        _handledBySource.Clear();
        _lastHandled = new Dictionary<string, long>(piece?.LastHandled ?? [], StringComparer.Ordinal);
        var degraded = new List<string>();
        try
        {
            _component = registry.Create(spec.Kind);
            _bus = new EventBusClient(spec, CreateTransport(), GrainFactory, settings.EventBus.MaxQueueSize, piece?.LastSeq ?? 0);
            _retry = RetryPipelineFactory.Create(settings.Recovery, (attempt, ex) => LogRetry(logger, Name, attempt, ex?.Message));
            var (models, assignments) = ResolveModels(spec, degraded);
            if (_component is ISourceComponent) _bus.AfterPublish = AfterSourcePublishAsync;
            // After an operator's mode switch the spec names the mode the system now runs in.
            var effective = spec.Mode is { } mode ? settings.InMode(mode) : settings;
            var initializing = true;
            // Degraded during initialisation goes into the result the kernel reads; later, straight to the kernel.
            void OnDegraded(string reason)
            {
                if (initializing) degraded.Add(reason);
                else ReportDegradedToKernel(reason);
            }

            var context = new ComponentContext(spec, effective, _bus, logger, models, OnDegraded,
                new HostJournal(this, recovered), new GrainComponentCalls(GrainFactory, spec.Name));

            var restored = false;
            if (piece?.Snapshot is { } snapshot)
            {
                _component.RestoreState(snapshot);
                restored = true;
            }

            await _component.InitializeAsync(context, CancellationToken.None);
            initializing = false;
            state.State.Spec = spec;
            _init = new ComponentInitResult(degraded.Count > 0 ? ComponentState.Degraded : ComponentState.Initialized,
                degraded.Count > 0 ? string.Join("; ", degraded) : null, restored, assignments);
        }
        catch (Exception ex)
        {
            _component = null;
            _init = new ComponentInitResult(ComponentState.Failed, $"{ex.GetType().Name}: {ex.Message}", false, []);
            LogInitFailed(logger, Name, spec.Kind, ex);
        }

        return _init;
    }

    /// <summary>This component's piece of committed checkpoint <paramref name="epoch"/>; none for epoch 0 (the run's beginning).</summary>
    private HostCheckpoint? PieceToRestore(ComponentSpec spec, long epoch)
    {
        if (epoch == 0) return null;
        if (state.State.Spec is { } saved && saved.Kind != spec.Kind)
        {
            throw new CheckpointRestoreException(
                $"Component {Name} was saved as kind '{saved.Kind}' and is now configured as '{spec.Kind}': its checkpoint cannot be restored. "
                + "Restore the previous settings to resume the run, or move the state folder aside to start a new run.");
        }

        return state.State.Checkpoints.FirstOrDefault(c => c.Epoch == epoch) ?? throw new CheckpointRestoreException(
            $"Component {Name} has no piece of committed checkpoint {epoch} (it holds {Describe(state.State.Checkpoints)}): "
            + "the saved state is incomplete, so the run cannot resume. Move the state folder aside to start a new run.");

        static string Describe(List<HostCheckpoint> pieces) =>
            pieces.Count == 0 ? "none" : "epochs " + string.Join(", ", pieces.Select(p => p.Epoch));
    }

    public Task WireAsync(ComponentWiring wiring)
    {
        _bus?.Wire(wiring);
        return Task.CompletedTask;
    }

    public async Task StartAsync()
    {
        if (_component is null) return;
        await _component.StartAsync(CancellationToken.None);
        if (_component is ISourceComponent source && _pumpTimer is null)
        {
            StartPump(source);
        }
    }

    /// <summary>
    /// A source runs in an interleaving grain timer so that the host still answers StopDataAsync and counters
    /// while the source awaits its publishes.
    /// </summary>
    private void StartPump(ISourceComponent source)
    {
        _pumpStop = new CancellationTokenSource();
        _pumpDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = _pumpStop.Token;
        var done = _pumpDone;
        _pumpTimer = this.RegisterGrainTimer(async _ =>
        {
            // The pump is a flow of its own, not part of the kernel's StartAsync call that created it.
            RequestContext.Clear();
            try
            {
                await source.RunAsync(stop);
                LogSourceFinished(logger, Name);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                LogSourceStopped(logger, Name);
            }
            catch (Exception ex)
            {
                await ReportErrorAsync(ex, _spec!.Critical || ex is FatalComponentException, "source");
            }
            finally
            {
                done.TrySetResult();
            }
        }, new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = true });
    }

    public async Task StopDataAsync()
    {
        if (_pumpStop is null || _pumpDone is null) return;
        await _pumpStop.CancelAsync();
        await _pumpDone.Task;
    }

    public Task HaltDataAsync() => _pumpStop?.CancelAsync() ?? Task.CompletedTask;

    public async Task ProtectPositionsAsync(bool flatten, string reason)
    {
        if (_component is IPositionKeeper keeper)
        {
            await keeper.ProtectPositionsAsync(flatten, reason, CancellationToken.None);
        }
    }

    public async Task CheckpointAsync(long epoch, long committedEpoch, DateTime simTime)
    {
        // The pump (an interleaving timer) may ask while a journal write of this host is in progress; one at a time.
        await _saving.WaitAsync();
        try
        {
            var piece = new HostCheckpoint
            {
                Epoch = epoch,
                SimTime = simTime,
                Snapshot = _component?.SaveState(),
                LastSeq = _bus?.Seq ?? 0,
                LastHandled = new Dictionary<string, long>(_lastHandled, StringComparer.Ordinal),
                SavedAtUtc = DateTime.UtcNow,
            };
            state.State.Spec ??= _spec;
            // Kept: the committed piece (the one a crash now restores) and this one. Older pieces are superseded;
            // a piece at or after this epoch is left over from a checkpoint that never committed.
            state.State.Checkpoints.RemoveAll(c => c.Epoch < committedEpoch || c.Epoch >= epoch);
            state.State.Checkpoints.Add(piece);
            await state.WriteStateAsync();
            _epoch = epoch;
            if (journal.State.Entries.RemoveAll(e => e.Epoch < committedEpoch) > 0) await journal.WriteStateAsync();
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>
    /// The snapshot policy, applied by a source's host after each publish of ticks returns: the pipeline is then
    /// quiescent (lockstep: everything the ticks caused has been handled), and when simulation time has entered a new
    /// period of persistence.snapshot_every_bars 30-minute bars, the kernel takes a checkpoint of every component.
    /// </summary>
    private async Task AfterSourcePublishAsync(string eventType, DateTime simTime)
    {
        if (eventType != EventTypes.NewTick) return;
        var period = TimeSpan.FromMinutes(30).Ticks * settings.Persistence.SnapshotEveryBars;
        var bucket = simTime.Ticks / period;
        if (_checkpointBucket is null || bucket < _checkpointBucket)
        {
            _checkpointBucket = bucket;
            return;
        }

        if (bucket == _checkpointBucket) return;
        _checkpointBucket = bucket;
        var result = await GrainFactory.GetGrain<IKernelGrain>(KernelKeys.Kernel).CheckpointAsync(simTime);
        if (!result.Committed) LogCheckpointSkipped(logger, Name, simTime, result.Skipped ?? "");
    }

    /// <summary>Appends to the host's journal, durably, before the component acknowledges what it journals.</summary>
    private async Task AppendJournalAsync(IReadOnlyList<JournalRecord> records)
    {
        if (records.Count == 0) return;
        await _saving.WaitAsync();
        try
        {
            var entries = records.Select(r => new JournalEntry(_epoch, r)).ToList();
            journal.State.Entries.AddRange(entries);
            try
            {
                await JournalWrites.ExecuteInTurnAsync(static async (state, _) => await state.WriteStateAsync(), journal);
            }
            catch (Exception ex) when (ex is not FatalComponentException)
            {
                // Not durable, so not journaled: the component must not acknowledge it, and a book that can no longer
                // be journaled cannot be trusted with more orders.
                LogJournalWriteFailed(logger, Name, JournalWriteAttempts, JournalWriteAttempts, ex.Message);
                journal.State.Entries.RemoveRange(journal.State.Entries.Count - entries.Count, entries.Count);
                throw new FatalComponentException($"{Name} could not write its journal after {JournalWriteAttempts} attempts: {ex.Message}", ex);
            }
        }
        finally
        {
            _saving.Release();
        }
    }

    private const int JournalWriteAttempts = 3;

    private ResiliencePipeline JournalWrites => _journalWritesPipeline ??= RetryPipelineFactory.ForDurableWrite(
        JournalWriteAttempts, (attempt, ex) => LogJournalWriteFailed(logger, Name, attempt, JournalWriteAttempts, ex?.Message));

    /// <summary>The journal a hosted component sees: what the previous incarnation recorded, and durable appends.</summary>
    private sealed class HostJournal(ComponentHostGrain host, IReadOnlyList<JournalRecord> recovered) : IComponentJournal
    {
        public IReadOnlyList<JournalRecord> Recovered { get; } = recovered;

        public Task AppendAsync(IReadOnlyList<JournalRecord> records) => host.AppendJournalAsync(records);
    }

    public async Task StopAsync()
    {
        await StopDataAsync();
        _pumpTimer?.Dispose();
        _pumpTimer = null;
        if (_component is not null) await _component.StopAsync(CancellationToken.None);
    }

    public Task DeliverAsync(EventEnvelope envelope) => HandleAsync(envelope);

    public Task<BusCounters> GetCountersAsync() => Task.FromResult(new BusCounters(
        Name, _bus?.Sent ?? 0, _handled, _failed,
        new Dictionary<string, long>(_handledByType), new Dictionary<string, long>(_handledBySource), _duplicates, _bus?.PublishedByType));

    public async Task<ComponentHealthSample> GetHealthAsync()
    {
        var counters = await GetCountersAsync();
        string detail;
        try
        {
            detail = _component?.Query("status") ?? "";
        }
        catch (Exception ex)
        {
            detail = $"status unavailable: {ex.Message}";
        }

        return new ComponentHealthSample(counters, detail, _latency.Samples());
    }

    public async Task<Calls.ComponentReply> CallAsync(Calls.ComponentRequest request)
    {
        if (_component is not ICallableComponent callable)
        {
            throw new ComponentCallException(_component is null
                ? $"Component {Name} is not initialised; it cannot answer {request.GetType().Name}."
                : $"Component {Name} ({_spec?.Kind}) answers no calls; {request.GetType().Name} was sent to the wrong component.");
        }

        return await callable.AnswerAsync(request, CancellationToken.None);
    }

    public Task<string> QueryAsync(string question) => Task.FromResult(_component?.Query(question) ?? "");

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
    public static bool IsStreamDelivery(IInvokable request) =>
        request.GetInterfaceType().Name.Contains("StreamConsumerExtension", StringComparison.Ordinal);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogTransportError(logger, Name, ex);
        return Task.CompletedTask;
    }

    private async Task HandleAsync(EventEnvelope envelope)
    {
        if (DeliveryClock.Take() is { } hop) _latency.Record(TimeSpan.FromMicroseconds(hop));
        if (_component is null || _bus is null)
        {
            // Not silently dropped: counted as a failed delivery, logged, and visible in the counters.
            _handled++;
            _failed++;
            LogNotReady(logger, Name, envelope.Type, envelope.Source, envelope.Seq);
            return;
        }

        if (_lastHandled.TryGetValue(envelope.Source, out var last) && envelope.Seq <= last)
        {
            _duplicates++;
            _handled++;
            return;
        }

        var previousCorrelation = _bus.CurrentCorrelation;
        _bus.CurrentCorrelation = envelope.CorrelationId;
        var started = Stopwatch.GetTimestamp();
        using (BusTelemetry.StartHandle(envelope, Name))
        {
            try
            {
                await _retry.ExecuteInTurnAsync(static (s, ct) => s.Component.HandleAsync(s.Envelope, ct), (Component: _component, Envelope: envelope));
            }
            catch (Exception ex)
            {
                _failed++;
                await ReportErrorAsync(ex, ex is FatalComponentException, envelope.Type);
            }
            finally
            {
                _bus.CurrentCorrelation = previousCorrelation;
            }
        }

        _handled++;
        _handledByType[envelope.Type] = _handledByType.GetValueOrDefault(envelope.Type) + 1;
        _handledBySource[envelope.Source] = _handledBySource.GetValueOrDefault(envelope.Source) + 1;
        _lastHandled[envelope.Source] = envelope.Seq;
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
    private async Task ReportErrorAsync(Exception ex, bool critical, string during)
    {
        LogHandlerFailed(logger, Name, during, critical, ex);
        await TellKernelAsync(new SystemErrorPayload(Name, ex is FatalComponentException ? "fatal" : ex.GetType().Name, ex.Message, critical));
    }

    /// <summary>
    /// A running component reported itself degraded (IComponentContext.ReportDegraded): the kernel marks it so, as it
    /// does for a non-critical error. Not awaited: the component is in the middle of its own work.
    /// </summary>
    private void ReportDegradedToKernel(string reason)
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

    /// <summary>The models the kernel assigned, from this silo's registry (each loaded once per silo and shared).</summary>
    private (IReadOnlyDictionary<string, LoadedModel>, IReadOnlyList<ModelAssignment>) ResolveModels(ComponentSpec spec, List<string> degraded)
    {
        var models = new Dictionary<string, LoadedModel>(StringComparer.Ordinal);
        var assignments = new List<ModelAssignment>();
        var registry = spec.Models.Count == 0 ? null : ServiceProvider.GetService<IModelRegistry>();
        foreach (var name in spec.Models)
        {
            if (registry is not null && registry.TryGet(name, out var model))
            {
                models[name] = model;
                assignments.Add(new ModelAssignment(name, model.Version, model.Sha256, true, null));
            }
            else
            {
                var reason = registry is null ? "no model registry in this silo"
                    : registry.All.FirstOrDefault(m => m.Name == name)?.Reason ?? $"not configured (models.{name}_path)";
                degraded.Add($"model '{name}' unavailable: {reason}");
                assignments.Add(new ModelAssignment(name, null, null, false, reason));
            }
        }

        return (models, assignments);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "Component {Component} ({Kind}) failed to initialise")]
    private static partial void LogInitFailed(ILogger logger, string component, string kind, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Component {Component}: transient failure, retry {Attempt}: {Error}")]
    private static partial void LogRetry(ILogger logger, string component, int attempt, string? error);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Component {Component} failed handling {During} (critical: {Critical})")]
    private static partial void LogHandlerFailed(ILogger logger, string component, string during, bool critical, Exception exception);

    [LoggerMessage(EventId = 308, Level = LogLevel.Warning, Message = "Component {Component} reports itself degraded: {Reason}")]
    private static partial void LogDegraded(ILogger logger, string component, string reason);

    [LoggerMessage(EventId = 309, Level = LogLevel.Error, Message = "Component {Component} could not tell the kernel it is degraded: {Error}")]
    private static partial void LogDegradedNotTold(ILogger logger, string component, string error);

    [LoggerMessage(EventId = 310, Level = LogLevel.Information, Message = "Source {Component}: no checkpoint at {SimTime:O}: {Reason}")]
    private static partial void LogCheckpointSkipped(ILogger logger, string component, DateTime simTime, string reason);

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "Component {Component}: journal write failed (attempt {Attempt} of {Attempts}): {Error}")]
    private static partial void LogJournalWriteFailed(ILogger logger, string component, int attempt, int attempts, string? error);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error, Message = "Component {Component} is not initialised; {EventType} #{Seq} from {Source} was not handled")]
    private static partial void LogNotReady(ILogger logger, string component, string eventType, string source, long seq);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "Bus transport error at {Component}")]
    private static partial void LogTransportError(ILogger logger, string component, Exception exception);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "Source {Component} reached the end of its data")]
    private static partial void LogSourceFinished(ILogger logger, string component);

    [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "Source {Component} stopped")]
    private static partial void LogSourceStopped(ILogger logger, string component);

    [LoggerMessage(EventId = 307, Level = LogLevel.Debug, Message = "{Component} handled {EventType} #{Seq} from {Source} (correlation {CorrelationId}) in {Microseconds:F1} us")]
    private static partial void LogHandled(ILogger logger, string component, string eventType, long seq, string source, string correlationId, double microseconds);
}
