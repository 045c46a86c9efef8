using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>
/// The bus as the component's boundary: stamps each publish like the real client (sequence, source) and records
/// it. Publishing completes at once, as a lockstep bus does once every handler has finished. A hook runs inside
/// each publish, where the real host may save state or ask the source to stop.
/// </summary>
public sealed class RecordingBus(string source = "data_handler") : IEventBus
{
    private readonly List<EventEnvelope> _published = [];

    public IReadOnlyList<EventEnvelope> Published => _published;

    public Action<EventEnvelope>? OnPublish { get; set; }

    public IEnumerable<TickPayload> Ticks => _published.Where(e => e.Type == EventTypes.NewTick).Select(e => (TickPayload)e.Payload!);

    public ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
    {
        var seq = _published.Count + 1;
        var envelope = new EventEnvelope(eventType, seq, simTime, source, correlationId ?? $"{source}:{seq}", payload);
        _published.Add(envelope);
        OnPublish?.Invoke(envelope);
        return ValueTask.CompletedTask;
    }

    public Task SubscribeAsync(string eventType) => Task.CompletedTask;

    public Task UnsubscribeAsync(string eventType) => Task.CompletedTask;
}
