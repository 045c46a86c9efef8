using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Bus;

/// <summary>
/// One component's side of the bus: stamps envelopes (per-producer sequence, correlation), delivers them to the
/// subscribers its routing table names, one at a time in table order, bounds what it has in flight, and counts.
/// Lives inside the component's host grain, so it is used by one turn at a time.
/// </summary>
public sealed class EventBusClient : AlgoSpace.Grains.Components.Hosting.IHostedBus
{
    private readonly string _component;
    private readonly ComponentSpec _spec;
    private readonly IBusTransport _transport;
    private readonly IGrainFactory _grains;
    private readonly SemaphoreSlim _inFlight;
    private readonly int _maxInFlight;
    private readonly Dictionary<string, long> _sentTo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _publishedByType = new(StringComparer.Ordinal);
    private ComponentWiring _wiring = ComponentWiring.Empty;
    private readonly Dictionary<(string Type, string Instrument), IReadOnlyList<string>> _byInstrument = [];
    private bool _picksByInstrument;

    public EventBusClient(ComponentSpec spec, IBusTransport transport, IGrainFactory grains, int maxInFlight, long lastSeq)
    {
        _component = spec.Name;
        _spec = spec;
        _transport = transport;
        _grains = grains;
        _maxInFlight = maxInFlight;
        _inFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
        Seq = lastSeq;
    }

    /// <summary>The sequence number of the last event this component published.</summary>
    public long Seq { get; private set; }

    /// <summary>Deliveries started: one per subscriber per event.</summary>
    public long Sent { get; private set; }

    /// <summary>The correlation id that publishes inherit: that of the event being handled.</summary>
    public string? CurrentCorrelation { get; set; }

    /// <summary>Events published, by type (a copy).</summary>
    public IReadOnlyDictionary<string, long> PublishedByType => new Dictionary<string, long>(_publishedByType, StringComparer.Ordinal);

    public void Wire(ComponentWiring wiring)
    {
        _wiring = wiring;
        _byInstrument.Clear();
        // Only a portfolio-wide producer wired to instruments' pipelines picks by event (the kernel has already cut an
        // instrument's component's routes to its own instrument); a one-instrument run never does.
        _picksByInstrument = PipelineKey.InstrumentOf(_component) is null
            && wiring.Routes.Values.Any(list => list.Any(s => PipelineKey.InstrumentOf(s) is not null));
    }

    /// <summary>The transport this bus sends with (the host routes stream acknowledgements to it).</summary>
    public IBusTransport Transport => _transport;

    /// <summary>Called when a publish has been delivered, with its type and simulation time (a source's host applies the snapshot policy).</summary>
    public Func<string, DateTime, Task>? AfterPublish { get; set; }

    public async ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
    {
        if (!_spec.Publishes.Contains(eventType))
        {
            throw new InvalidOperationException(
                $"{_component} published {eventType}, which its components entry does not list under publishes; add it there so the routing table knows.");
        }

        var seq = ++Seq;
        _publishedByType[eventType] = _publishedByType.GetValueOrDefault(eventType) + 1;
        var envelope = new EventEnvelope(eventType, seq, simTime, _component, correlationId ?? CurrentCorrelation ?? $"{_component}:{seq}", payload);

        // Call-chain reentrancy: a subscriber whose handling publishes back to this component (EXECUTE_TRADE
        // answered by POSITION_UPDATE) reaches this grain while it still awaits this publish.
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        foreach (var subscriber in Subscribers(eventType, payload))
        {
            await SendOneAsync(subscriber, envelope);
        }

        if (AfterPublish is not null) await AfterPublish(eventType, simTime);
    }

    /// <summary>The subscribers of this event: all of its type's, or, for an event about one instrument, that instrument's and the portfolio's.</summary>
    private IReadOnlyList<string> Subscribers(string eventType, EventPayload? payload)
    {
        var all = _wiring.SubscribersOf(eventType);
        if (!_picksByInstrument || payload is not IInstrumentPayload about) return all;
        if (!_byInstrument.TryGetValue((eventType, about.Symbol), out var picked))
        {
            _byInstrument[(eventType, about.Symbol)] = picked = all.Where(s => PipelineKey.Receives(s, about.Symbol)).ToList();
        }

        return picked;
    }

    private async Task SendOneAsync(string subscriber, EventEnvelope envelope)
    {
        await _inFlight.WaitAsync();
        try
        {
            if (!_transport.IsAcknowledged) await WaitForStreamCapacityAsync(subscriber);
            Sent++;
            _sentTo[subscriber] = _sentTo.GetValueOrDefault(subscriber) + 1;
            using var activity = BusTelemetry.StartPublish(envelope, subscriber);
            DeliveryClock.Stamp();
            if (subscriber == KernelKeys.KernelSubscriber)
            {
                await _grains.GetGrain<IKernelGrain>(KernelKeys.Kernel).DeliverAsync(envelope);
            }
            else
            {
                await _transport.SendAsync(subscriber, envelope);
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>
    /// Streams complete a send on enqueue; a producer then waits while a subscriber has max_queue_size of its
    /// events queued and not yet handled, reading the subscriber's own handled count.
    /// </summary>
    private async Task WaitForStreamCapacityAsync(string subscriber)
    {
        if (subscriber == KernelKeys.KernelSubscriber || _sentTo.GetValueOrDefault(subscriber) < _maxInFlight) return;
        var host = _grains.GetGrain<IComponentHostGrain>(subscriber);
        var delay = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            var counters = await host.GetCountersAsync();
            var outstanding = _sentTo[subscriber] - counters.HandledBySource.GetValueOrDefault(_component);
            if (outstanding < _maxInFlight) return;
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 50));
        }
    }

    public Task SubscribeAsync(string eventType)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        return _grains.GetGrain<IKernelGrain>(KernelKeys.Kernel).SubscribeAsync(eventType, _component);
    }

    public Task UnsubscribeAsync(string eventType)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        return _grains.GetGrain<IKernelGrain>(KernelKeys.Kernel).UnsubscribeAsync(eventType, _component);
    }
}
