using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>The bus a component sees: its host's, with the time of each publish taken off the handler's (<see cref="HandlerStopwatch"/>).</summary>
public sealed class PublishTimingBus(IEventBus inner) : IEventBus
{
    public ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null) =>
        HandlerStopwatch.IsTiming ? TimedAsync(eventType, payload, simTime, correlationId) : inner.PublishAsync(eventType, payload, simTime, correlationId);

    private async ValueTask TimedAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId)
    {
        var started = HandlerStopwatch.PublishStarted();
        try
        {
            await inner.PublishAsync(eventType, payload, simTime, correlationId);
        }
        finally
        {
            HandlerStopwatch.PublishEnded(started);
        }
    }

    public Task SubscribeAsync(string eventType) => inner.SubscribeAsync(eventType);

    public Task UnsubscribeAsync(string eventType) => inner.UnsubscribeAsync(eventType);
}
