namespace AlgoSpace.Grains.Interfaces.Operator;

/// <summary>One route of the live routing table: an event type from its producers to one subscriber, with how many
/// deliveries of that type the subscriber has handled.</summary>
[GenerateSerializer, Immutable]
public sealed record RouteView(
    [property: Id(0)] string EventType,
    [property: Id(1)] IReadOnlyList<string> Producers,
    [property: Id(2)] string Subscriber,
    [property: Id(3)] long Delivered);
