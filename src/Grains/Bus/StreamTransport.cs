using AlgoSpace.Events;
using AlgoSpace.Kernel;
using Orleans.Streams;

namespace AlgoSpace.Bus;

/// <summary>
/// The Orleans streaming framework (transport: stream): one implicit stream per subscriber. A send completes when
/// the event is queued, not handled, so back-pressure and flush rely on the subscribers' handled counters.
/// </summary>
public sealed class StreamTransport(IStreamProvider provider) : IBusTransport
{
    private readonly Dictionary<string, IAsyncStream<EventEnvelope>> _streams = new(StringComparer.Ordinal);

    public bool IsAcknowledged => false;

    public Task SendAsync(string subscriber, EventEnvelope envelope)
    {
        if (!_streams.TryGetValue(subscriber, out var stream))
        {
            stream = provider.GetStream<EventEnvelope>(StreamId.Create(KernelKeys.BusNamespace, subscriber));
            _streams[subscriber] = stream;
        }

        return stream.OnNextAsync(envelope);
    }
}
