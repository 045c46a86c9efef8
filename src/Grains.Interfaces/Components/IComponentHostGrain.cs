using AlgoSpace.Grains.Interfaces.Events;
using Orleans.Concurrency;

namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>
/// Hosts one component's logic (keyed by the component's name) and connects it to the event bus. The kernel
/// drives it through the lifecycle; events arrive through the bus transport, or directly through DeliverAsync.
/// </summary>
public interface IComponentHostGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the component's logic for the spec. On a resumed run it restores the component's piece of the
    /// committed checkpoint <see cref="AlgoSpace.Grains.Interfaces.Checkpoints.RestorePoint.Epoch"/> and the journal written since; a new run
    /// discards what was saved. A piece that is missing or cannot be read fails the call, naming it.
    /// </summary>
    Task<ComponentInitResult> InitializeAsync(ComponentSpec spec, AlgoSpace.Grains.Interfaces.Checkpoints.RestorePoint restore);

    /// <summary>Installs this component's part of the routing table.</summary>
    Task WireAsync(ComponentWiring wiring);

    /// <summary>Starts the component; a data source begins producing.</summary>
    Task StartAsync();

    /// <summary>
    /// Stops producing data (shutdown step 1) and returns once the publish in progress has finished; other
    /// components keep handling what is in flight. Interleaves, so it is never queued behind a request the host is
    /// still running (the source's pump itself is an interleaving timer).
    /// </summary>
    [AlwaysInterleave]
    Task StopDataAsync();

    /// <summary>
    /// The emergency path's stop: asks a data source to stop and returns at once, without waiting for the
    /// publish in progress. Interleaves, so it is never queued behind a busy handler.
    /// </summary>
    [AlwaysInterleave]
    Task HaltDataAsync();

    /// <summary>
    /// Stream transport: the subscriber named in a <see cref="AlgoSpace.Grains.Interfaces.Events.StreamDelivery"/> has handled it (and everything
    /// its handling published). Interleaves, because this producer is still awaiting that delivery.
    /// </summary>
    [AlwaysInterleave]
    Task AcknowledgeAsync(long deliveryId);

    /// <summary>Cancels working orders and, if asked, flattens positions (shutdown steps 2 and 3, and the emergency path).</summary>
    Task ProtectPositionsAsync(BookProtection protection);

    /// <summary>
    /// Writes this component's piece of checkpoint <paramref name="epoch"/>, taken while the pipeline is quiescent,
    /// and prunes pieces and journal entries older than <paramref name="committedEpoch"/>. Returns when it is durable.
    /// </summary>
    Task CheckpointAsync(long epoch, long committedEpoch, DateTime simTime);

    /// <summary>Stops the component.</summary>
    Task StopAsync();

    /// <summary>
    /// A rebalance moves this host to another silo: stops the component (its source's pump too) and leaves this
    /// activation, so that the next call activates the host where the placement director now puts it. The kernel
    /// restores it from the committed checkpoint there.
    /// </summary>
    Task ReleaseAsync();

    /// <summary>Delivers one event to the component (used by the direct path and by tests).</summary>
    Task DeliverAsync(EventEnvelope envelope);

    /// <summary>The component's event accounting; answered even while a handler runs.</summary>
    [AlwaysInterleave]
    Task<BusCounters> GetCountersAsync();

    /// <summary>Counters, the component's own status line and recent bus latencies, for the operator's status.</summary>
    [AlwaysInterleave]
    Task<ComponentHealthSample> GetHealthAsync();

    /// <summary>A synchronous call from another component (GetMatrix, GetRegimeVector, GenerateRiskProposal).</summary>
    Task<AlgoSpace.Grains.Interfaces.Components.Calls.ComponentReply> CallAsync(AlgoSpace.Grains.Interfaces.Components.Calls.ComponentRequest request);

    /// <summary>Asks the component a question it answers from its state (status displays, grain calls between components, tests).</summary>
    Task<string> QueryAsync(string question);
}
