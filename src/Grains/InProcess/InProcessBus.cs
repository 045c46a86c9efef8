using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.InProcess;

/// <summary>
/// One component's bus in the in-process runner: stamps envelopes exactly as <see cref="AlgoSpace.Grains.Bus.EventBusClient"/> does
/// (per-producer sequence, inherited correlation, "name:seq" for a new cascade) and delivers them synchronously to
/// the subscribers of the routing table, one at a time in table order, so a publish returns when every handler it
/// caused has finished, as the lockstep bus does.
/// </summary>
public sealed class InProcessBus(InProcessRunner runner, ComponentSpec spec) : AlgoSpace.Grains.Components.Hosting.IHostedBus
{
    private readonly HashSet<string> _publishes = new(spec.Publishes, StringComparer.Ordinal);

    /// <summary>The sequence number of the last event this component published.</summary>
    public long Seq { get; private set; }

    /// <summary>Deliveries started: one per subscriber per event.</summary>
    public long Sent { get; internal set; }

    /// <summary>The correlation id that publishes inherit: that of the event being handled.</summary>
    public string? CurrentCorrelation { get; set; }

    public async ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
    {
        if (!_publishes.Contains(eventType))
        {
            throw new InvalidOperationException(
                $"{spec.Name} published {eventType}, which its components entry does not list under publishes; add it there so the routing table knows.");
        }

        var seq = ++Seq;
        var envelope = new EventEnvelope(eventType, seq, simTime, spec.Name, correlationId ?? CurrentCorrelation ?? $"{spec.Name}:{seq}", payload);
        await runner.DeliverAsync(this, envelope);
    }

    public Task SubscribeAsync(string eventType)
    {
        runner.Subscribe(eventType, spec.Name);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(string eventType)
    {
        runner.Unsubscribe(eventType, spec.Name);
        return Task.CompletedTask;
    }
}
