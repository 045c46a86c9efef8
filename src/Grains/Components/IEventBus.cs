using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// The event bus as a component sees it (seed PRD section 3.3). Publish delivers to the subscribers that the
/// routing table lists, in their order; it completes when every subscriber has handled the event, and waits
/// first when event_bus.max_queue_size events of this producer are still in flight (back-pressure).
/// Subscribe and Unsubscribe change the routing table at run time (the kernel rewires the producers); the
/// component's HandleAsync is the callback.
/// </summary>
public interface IEventBus
{
    ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null);

    Task SubscribeAsync(string eventType);

    Task UnsubscribeAsync(string eventType);
}
