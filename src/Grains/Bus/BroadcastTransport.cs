using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using Orleans.BroadcastChannel;

namespace AlgoSpace.Grains.Bus;

/// <summary>
/// The hot path: one Orleans broadcast channel per subscriber (namespace <see cref="KernelKeys.BusNamespace"/>, key =
/// the subscriber's name), with acknowledged delivery, so a publish completes when the subscriber's handler has.
/// One channel per subscriber, rather than one per event type, lets the producer deliver to subscribers one at a
/// time in routing-table order (a shared channel fans out in parallel, which would reorder side effects).
/// </summary>
public sealed class BroadcastTransport(IBroadcastChannelProvider provider) : IBusTransport
{
    private readonly Dictionary<string, IBroadcastChannelWriter<EventEnvelope>> _writers = new(StringComparer.Ordinal);

    public bool IsAcknowledged => true;

    public Task SendAsync(string subscriber, EventEnvelope envelope)
    {
        if (!_writers.TryGetValue(subscriber, out var writer))
        {
            writer = provider.GetChannelWriter<EventEnvelope>(ChannelId.Create(KernelKeys.BusNamespace, subscriber));
            _writers[subscriber] = writer;
        }

        return writer.Publish(envelope);
    }
}
