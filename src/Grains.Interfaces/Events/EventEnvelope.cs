namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// Every event on the bus travels in an envelope: its type, the producer's sequence number, the simulation time
/// it belongs to, the producing component and a correlation id that ties a cascade together (a tick and the bars,
/// signals and orders it causes share one). Consumers are idempotent on (Source, Seq).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EventEnvelope(
    [property: Id(0)] string Type,
    [property: Id(1)] long Seq,
    [property: Id(2)] DateTime SimTime,
    [property: Id(3)] string Source,
    [property: Id(4)] string CorrelationId,
    [property: Id(5)] EventPayload? Payload);
