using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using Orleans.Streams;

namespace AlgoSpace.Grains.Bus;

/// <summary>
/// The Orleans streaming framework (transport: stream): one implicit stream per subscriber. Streams complete a send
/// on enqueue, so the transport adds the acknowledgement itself: each delivery carries an id and the producer's
/// name, the subscriber's host acknowledges after handling it, and the send completes then. So a publish over
/// streams completes when its handlers (and what they published) have finished, exactly as over broadcast channels,
/// and the ordering rules of docs/architecture.md hold for both transports.
/// </summary>
public sealed class StreamTransport(IStreamProvider provider, string producer) : IBusTransport
{
    private readonly Dictionary<string, IAsyncStream<StreamDelivery>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<long, TaskCompletionSource> _waiting = [];
    private long _nextId;

    public bool IsAcknowledged => true;

    public async Task SendAsync(string subscriber, EventEnvelope envelope)
    {
        if (!_streams.TryGetValue(subscriber, out var stream))
        {
            stream = provider.GetStream<StreamDelivery>(StreamId.Create(KernelKeys.BusNamespace, subscriber));
            _streams[subscriber] = stream;
        }

        var id = ++_nextId;
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = handled;
        try
        {
            await stream.OnNextAsync(new StreamDelivery(envelope, producer, id));
            await handled.Task;
        }
        finally
        {
            _waiting.Remove(id);
        }
    }

    /// <summary>The subscriber handled delivery <paramref name="id"/>; false when nothing waits for it (a duplicate).</summary>
    public bool Acknowledge(long id) => _waiting.TryGetValue(id, out var handled) && handled.TrySetResult();
}
