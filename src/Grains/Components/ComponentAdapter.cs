using System.Collections.Concurrent;
using System.Reflection;
using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// The plumbing every built-in component shares, so that a component holds only its adapter logic: the context it
/// was built with, the filter that passes it only the event types its <see cref="ComponentKindAttribute"/> consumes,
/// and one way to report an event it cannot use (logged, and a non-critical SYSTEM_ERROR when its spec publishes
/// SYSTEM_ERROR). Lifecycle steps it does not need are no-ops.
/// </summary>
public abstract class ComponentAdapter : IComponent, IRepeatedWarnings
{
    /// <summary>Consumed event types by component class, read once from the attribute; null when it declares none.</summary>
    private static readonly ConcurrentDictionary<Type, HashSet<string>?> ConsumedByType = new();

    /// <summary>The bad-input log line, one per event id (see <see cref="BadInputEventId"/>).</summary>
    private static readonly ConcurrentDictionary<int, Action<ILogger, string, string, Exception?>> BadInputLogs = new();

    private readonly HashSet<string>? _consumes;
    private List<RepeatedWarning>? _repeatedWarnings;

    protected ComponentAdapter(IComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        _consumes = ConsumedByType.GetOrAdd(GetType(), static type =>
            type.GetCustomAttribute<ComponentKindAttribute>() is { } kind ? kind.Consumes.ToHashSet(StringComparer.Ordinal) : null);
    }

    protected IComponentContext Context { get; }

    /// <summary>The event id of this kind's bad-input log line: each kind kept the id it had before the base existed.</summary>
    protected virtual int BadInputEventId => 400;

    public virtual ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public virtual ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Events of types the kind does not consume are ignored here, so handlers need not filter them.</summary>
    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation) =>
        _consumes is null || _consumes.Contains(envelope.Type) ? OnEventAsync(envelope, cancellation) : ValueTask.CompletedTask;

    /// <summary>Handles an event of a consumed type.</summary>
    protected virtual ValueTask OnEventAsync(EventEnvelope envelope, CancellationToken cancellation) => ValueTask.CompletedTask;

    public virtual object? SaveState() => null;

    public virtual void RestoreState(object state)
    {
    }

    public virtual string Query(string question) => "";

    /// <summary>
    /// A warning of this component that can repeat per event (its event id, and what repeats as a summary names it):
    /// logged in full the first time, then summarised; the shell flushes the summaries when it stops the component.
    /// </summary>
    protected RepeatedWarning RepeatedWarning(int eventId, string what)
    {
        var warning = new RepeatedWarning(Context.Logger, new EventId(eventId), what, TimeSpan.FromSeconds(Context.Settings.System.WarningSummaryInterval));
        (_repeatedWarnings ??= []).Add(warning);
        return warning;
    }

    public void FlushRepeatedWarnings()
    {
        foreach (var warning in _repeatedWarnings ?? []) warning.Flush();
    }

    /// <summary>What an envelope carried instead of the payload its type promises.</summary>
    protected static string Carried(EventEnvelope envelope) => envelope.Payload?.GetType().Name ?? "no payload";

    /// <summary>
    /// An event the component cannot use is a producer bug: logged, reported as a non-critical SYSTEM_ERROR (when
    /// the spec publishes it) at the event's simulation time, and the run goes on.
    /// </summary>
    protected async ValueTask ReportBadInputAsync(EventEnvelope envelope, string message, string errorType = "BadPayload")
    {
        var log = BadInputLogs.GetOrAdd(BadInputEventId, static id =>
            LoggerMessage.Define<string, string>(LogLevel.Error, new EventId(id, "BadInput"), "{Component}: {Problem}; ignored"));
        log(Context.Logger, Context.Spec.Name, message, null);
        await PublishErrorAsync(errorType, message, envelope.SimTime);
    }

    /// <summary>A non-critical SYSTEM_ERROR, published only when the spec declares SYSTEM_ERROR.</summary>
    protected ValueTask PublishErrorAsync(string errorType, string message, DateTime simTime) =>
        Context.Spec.Publishes.Contains(SystemError)
            ? Context.Bus.PublishAsync(SystemError, new SystemErrorPayload(Context.Spec.Name, errorType, message, false), simTime)
            : ValueTask.CompletedTask;
}

/// <summary>A component whose snapshot is a <typeparamref name="TState"/>: the type is checked once, here.</summary>
public abstract class ComponentAdapter<TState>(IComponentContext context) : ComponentAdapter(context) where TState : class
{
    public sealed override object? SaveState() => Save();

    public sealed override void RestoreState(object state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Restore(state as TState ?? throw new ArgumentException($"Expected a {typeof(TState).Name}, got {state.GetType().Name}.", nameof(state)));
    }

    /// <summary>The snapshot; null when there is nothing to save.</summary>
    protected abstract TState? Save();

    protected abstract void Restore(TState state);
}
