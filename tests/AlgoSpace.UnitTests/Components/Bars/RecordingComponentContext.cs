using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

// Shared by the component tests of Bars and Execution; it lives here only because new test files are limited to
// the Bars and Execution folders. It could move to Components/ as it stands.
namespace AlgoSpace.Tests.Components;

/// <summary>
/// A component's host without Orleans: the spec, the settings, a bus that records what is published, and a logger
/// that records what is logged.
/// </summary>
public sealed class RecordingComponentContext(string kind, AlgoSpaceSettings settings, IReadOnlyList<string> subscribes, IReadOnlyList<string> publishes)
    : IComponentContext
{
    public ComponentSpec Spec { get; } = new(kind, kind, true, subscribes, publishes, [], new Dictionary<string, string>());
    public AlgoSpaceSettings Settings { get; } = settings;
    public RecordingEventBus RecordingBus { get; } = new(kind, publishes);
    public IEventBus Bus => RecordingBus;
    public RecordingLogger RecordingLogger { get; } = new();
    public ILogger Logger => RecordingLogger;
    /// <summary>The models assigned to the component; none unless a test sets them.</summary>
    public IReadOnlyDictionary<string, AlgoSpace.Grains.Models.LoadedModel> Models { get; set; } = new Dictionary<string, AlgoSpace.Grains.Models.LoadedModel>();
    public List<string> Degraded { get; } = [];

    /// <summary>Other components the component under test may call; none unless a test sets them.</summary>
    public IComponentCalls Calls { get; set; } = NoComponentCalls.Instance;

    public void ReportDegraded(string reason) => Degraded.Add(reason);

    /// <summary>The component's journal; <see cref="AlgoSpace.Grains.Components.Journal.InMemoryJournal.Appended"/> is what it journaled.</summary>
    public AlgoSpace.Grains.Components.Journal.InMemoryJournal RecordingJournal { get; set; } = new();

    public AlgoSpace.Grains.Components.Journal.IComponentJournal Journal => RecordingJournal;
}

/// <summary>Records publishes and, like the real bus, refuses an event its spec does not list under publishes.</summary>
public sealed class RecordingEventBus(string source, IReadOnlyList<string> publishes) : IEventBus
{
    private long _seq;

    public List<EventEnvelope> Published { get; } = [];

    public ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
    {
        if (!publishes.Contains(eventType)) throw new InvalidOperationException($"{source} published {eventType}, which it does not list.");
        Published.Add(new EventEnvelope(eventType, ++_seq, simTime, source, correlationId ?? $"{source}:{_seq}", payload));
        return ValueTask.CompletedTask;
    }

    public Task SubscribeAsync(string eventType) => Task.CompletedTask;

    public Task UnsubscribeAsync(string eventType) => Task.CompletedTask;
}

/// <summary>Keeps every log entry with its level and event id.</summary>
public sealed class RecordingLogger : ILogger
{
    public List<(LogLevel Level, int EventId, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, eventId.Id, formatter(state, exception)));
}

/// <summary>Sends a value through the Orleans serializer, as grain storage does with a component's snapshot.</summary>
public static class OrleansRoundTrip
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(ComponentHostState).Assembly).AddAssembly(typeof(EventPayload).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>Serialized as <see cref="object"/>, like ComponentHostState.Snapshot, so the runtime type must be known.</summary>
    public static object Copy(object value) =>
        Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(value)) ?? throw new InvalidOperationException("The round trip lost the value.");
}
