using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Models;
using Polly;

namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// Hosts one component wherever it runs (a host grain, the in-process runner): builds it whole with its context and
/// restores its snapshot, then hands it each event once (deduplicated by the last sequence number handled per
/// source), retried on transient errors, with errors classified and reported to the host, and counters kept. It
/// builds the component's piece of a checkpoint. One shell per incarnation: a new run starts with a new shell, so
/// its accounting starts afresh, as the bus's sequence and sent count do.
/// </summary>
public sealed partial class ComponentShell
{
    private readonly Dictionary<string, long> _handledByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _handledBySource = new(StringComparer.Ordinal);
    private readonly List<string> _degradedAtStart = [];
    private readonly IComponentShellHost _host;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;
    private readonly TimeProvider _time;
    private Dictionary<string, long> _lastHandled = new(StringComparer.Ordinal);
    private IHostedBus? _bus;
    private SlowHandlerMonitor? _slow;
    private bool _creating;

    public ComponentShell(string name, IComponentShellHost host, AlgoSpace.Grains.Interfaces.Configuration.RecoverySettings recovery, ILogger logger,
        TimeProvider? time = null)
    {
        Name = name;
        _host = host;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _retry = RetryPipelineFactory.Create(recovery, (attempt, ex) => LogRetry(logger, name, attempt, ex?.Message));
    }

    public string Name { get; }

    public ComponentSpec? Spec { get; private set; }

    /// <summary>The component; null until it is built, and when building it failed.</summary>
    public IComponent? Component { get; private set; }

    public long Handled { get; private set; }

    /// <summary>Why the component is degraded, as it reported while it was built.</summary>
    public IReadOnlyList<string> DegradedAtStart => _degradedAtStart;

    public long Failed { get; private set; }

    /// <summary>The component's handling times against its budget; null until it is built.</summary>
    public HandlerBudget? HandlerBudget => _slow?.Budget;

    public long Duplicates { get; private set; }

    /// <summary>
    /// Builds the component of <paramref name="spec"/> with its context, then restores <paramref name="piece"/>'s
    /// snapshot into it, if any. Throws what building or restoring threw; the host decides what that means.
    /// </summary>
    public ComponentInitResult Create(ComponentRegistry registry, ComponentSpec spec, ComponentHostParts parts, HostCheckpoint? piece)
    {
        Spec = spec;
        Component = null;
        _bus = parts.Bus;
        _lastHandled = new Dictionary<string, long>(piece?.LastHandled ?? [], StringComparer.Ordinal);
        _degradedAtStart.Clear();
        var (models, assignments) = ResolveModels(spec, spec.Models.Count == 0 ? null : parts.Models(), parts.NoModelRegistry, _degradedAtStart);
        var context = new ComponentContext(spec, parts.Settings, new PublishTimingBus(parts.Bus), parts.ComponentLogger ?? _logger, models, ReportDegraded, parts.Journal, new PipelineCalls(parts.Calls, spec));
        _creating = true;
        try
        {
            var component = registry.Create(spec.Kind, context);
            var restored = piece?.Snapshot is { } snapshot;
            if (restored) component.RestoreState(piece!.Snapshot!);
            Component = component;
            _slow = new SlowHandlerMonitor(Name, SlowHandlerMonitor.BudgetOf(spec, parts.Settings, component), parts.Settings.System, _logger, _time);
            var degraded = _degradedAtStart.Count > 0;
            return new ComponentInitResult(degraded ? ComponentState.Degraded : ComponentState.Initialized,
                degraded ? string.Join("; ", _degradedAtStart) : null, restored, assignments);
        }
        finally
        {
            _creating = false;
        }
    }

    /// <summary>During construction a degraded report goes into the init result the kernel reads; later, to the host.</summary>
    private void ReportDegraded(string reason)
    {
        if (_creating) _degradedAtStart.Add(reason);
        else _host.ReportDegraded(reason);
    }

    /// <summary>An event that reached a host with no component, counted as a failed delivery; the host says why.</summary>
    public void CountNotReady()
    {
        Handled++;
        Failed++;
    }

    /// <summary>
    /// Hands one event to the component, unless it was handled already (a redelivery after a restore). Returns
    /// whether the component ran for it. A failed handler is counted and reported, never thrown.
    /// </summary>
    public async ValueTask<bool> HandleAsync(EventEnvelope envelope)
    {
        if (Component is not { } component || _bus is not { } bus)
        {
            // Not silently dropped: counted as a failed delivery, logged, and visible in the counters.
            Handled++;
            Failed++;
            LogNotReady(_logger, Name, envelope.Type, envelope.Source, envelope.Seq);
            return false;
        }

        if (_lastHandled.TryGetValue(envelope.Source, out var last) && envelope.Seq <= last)
        {
            Duplicates++;
            Handled++;
            return false;
        }

        var previousCorrelation = bus.CurrentCorrelation;
        bus.CurrentCorrelation = envelope.CorrelationId;
        var stopwatch = HandlerStopwatch.Start(_time);
        try
        {
            await _retry.ExecuteInTurnAsync(static (s, ct) => s.Component.HandleAsync(s.Envelope, ct), (Component: component, Envelope: envelope));
            _slow?.Record(envelope, stopwatch.Elapsed);
        }
        catch (Exception ex)
        {
            Failed++;
            await ReportErrorAsync(ex, ex is FatalComponentException, envelope.Type);
        }
        finally
        {
            bus.CurrentCorrelation = previousCorrelation;
        }

        Handled++;
        _handledByType[envelope.Type] = _handledByType.GetValueOrDefault(envelope.Type) + 1;
        _handledBySource[envelope.Source] = _handledBySource.GetValueOrDefault(envelope.Source) + 1;
        _lastHandled[envelope.Source] = envelope.Seq;
        return true;
    }

    /// <summary>
    /// Stops the component, then logs what is still to be said about it: repeated warnings not yet summarised
    /// (its own and the slow-handler one) and how its handling times compared with its budget.
    /// </summary>
    public async ValueTask StopAsync()
    {
        if (Component is not { } component) return;
        await component.StopAsync(CancellationToken.None);
        (component as IRepeatedWarnings)?.FlushRepeatedWarnings();
        _slow?.Stop();
    }

    /// <summary>
    /// Runs a source until its data ends or <paramref name="stop"/> asks it to stop. A failure is reported, critical
    /// when the source is or when the error is fatal, and not thrown. Its publishes start new cascades.
    /// </summary>
    public async Task RunSourceAsync(ISourceComponent source, CancellationToken stop)
    {
        if (_bus is { } bus) bus.CurrentCorrelation = null;
        try
        {
            await source.RunAsync(stop);
            LogSourceFinished(_logger, Name);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            LogSourceStopped(_logger, Name);
        }
        catch (Exception ex)
        {
            await ReportErrorAsync(ex, Spec?.Critical == true || ex is FatalComponentException, "source");
        }
    }

    private async ValueTask ReportErrorAsync(Exception ex, bool critical, string during)
    {
        if (SiloLoss.Is(ex) && await _host.ReportSiloLossAsync(during, ex)) return;
        LogHandlerFailed(_logger, Name, during, critical, ex);
        await _host.ReportErrorAsync(new SystemErrorPayload(Name, ex is FatalComponentException ? "fatal" : ex.GetType().Name, ex.Message, critical));
    }

    /// <summary>This component's piece of a checkpoint: its snapshot, the bus's last sequence and the last handled per source.</summary>
    public HostCheckpoint Checkpoint(long epoch, DateTime simTime, long lastSeq) => new()
    {
        Epoch = epoch,
        SimTime = simTime,
        Snapshot = Component?.SaveState(),
        LastSeq = lastSeq,
        LastHandled = new Dictionary<string, long>(_lastHandled, StringComparer.Ordinal),
        SavedAtUtc = DateTime.UtcNow,
    };

    public BusCounters Counters(long sent, IReadOnlyDictionary<string, long>? publishedByType) => new(
        Name, sent, Handled, Failed, new Dictionary<string, long>(_handledByType), new Dictionary<string, long>(_handledBySource), Duplicates, publishedByType);

    /// <summary>The models the kernel assigned, from the process's registry (each loaded once and shared).</summary>
    public static (IReadOnlyDictionary<string, LoadedModel> Models, IReadOnlyList<ModelAssignment> Assignments) ResolveModels(
        ComponentSpec spec, IModelRegistry? registry, string noRegistry, List<string> degraded)
    {
        var models = new Dictionary<string, LoadedModel>(StringComparer.Ordinal);
        var assignments = new List<ModelAssignment>();
        foreach (var name in spec.Models)
        {
            if (registry is not null && registry.TryGet(name, out var model))
            {
                models[name] = model;
                assignments.Add(new ModelAssignment(name, model.Version, model.Sha256, true, null));
            }
            else
            {
                var reason = registry is null ? noRegistry
                    : registry.All.FirstOrDefault(m => m.Name == name)?.Reason ?? $"not configured (models.{name}_path)";
                degraded.Add($"model '{name}' unavailable: {reason}");
                assignments.Add(new ModelAssignment(name, null, null, false, reason));
            }
        }

        return (models, assignments);
    }

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Component {Component}: transient failure, retry {Attempt}: {Error}")]
    private static partial void LogRetry(ILogger logger, string component, int attempt, string? error);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Component {Component} failed handling {During} (critical: {Critical})")]
    private static partial void LogHandlerFailed(ILogger logger, string component, string during, bool critical, Exception exception);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "Source {Component} reached the end of its data")]
    private static partial void LogSourceFinished(ILogger logger, string component);

    [LoggerMessage(EventId = 306, Level = LogLevel.Information, Message = "Source {Component} stopped")]
    private static partial void LogSourceStopped(ILogger logger, string component);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error, Message = "Component {Component} is not initialised; {EventType} #{Seq} from {Source} was not handled")]
    private static partial void LogNotReady(ILogger logger, string component, string eventType, string source, long seq);
}
