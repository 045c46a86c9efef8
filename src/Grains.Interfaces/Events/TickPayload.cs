namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// NEW_TICK: one trade (component-contracts section 1). The producer and its sequence number travel in the
/// envelope, not here. <see cref="Timestamp"/> is the exchange's local wall time as the data gives it, without a
/// zone; it is also the envelope's simulation time.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TickPayload(
    [property: Id(0)] string Symbol,
    [property: Id(1)] DateTime Timestamp,
    [property: Id(2)] double Price,
    [property: Id(3)] long Volume,
    [property: Id(4)] double? Bid,
    [property: Id(5)] double? Ask) : EventPayload, IInstrumentPayload;
