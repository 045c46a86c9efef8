namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>
/// A producer's part of the routing table: for each event type it publishes, the subscribers in the order the
/// configuration lists them. Delivery follows this order, one subscriber at a time, so side effects happen in
/// the same order on every run.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComponentWiring([property: Id(0)] IReadOnlyDictionary<string, IReadOnlyList<string>> Routes)
{
    public static ComponentWiring Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    public IReadOnlyList<string> SubscribersOf(string eventType) =>
        Routes.TryGetValue(eventType, out var subscribers) ? subscribers : [];
}
