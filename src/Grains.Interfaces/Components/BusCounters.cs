namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>
/// A component's event accounting: deliveries it started (one per subscriber per event), deliveries it finished
/// (Handled, including those that failed, were duplicates, or arrived before it was ready), and of those the
/// failed ones; and the events it published, by type (once per event, whatever the number of subscribers). The kernel's flush compares the sums over all components (see EventFlush).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BusCounters(
    [property: Id(0)] string Component,
    [property: Id(1)] long Sent,
    [property: Id(2)] long Handled,
    [property: Id(3)] long Failed,
    [property: Id(4)] IReadOnlyDictionary<string, long> HandledByType,
    [property: Id(5)] IReadOnlyDictionary<string, long> HandledBySource,
    [property: Id(6)] long Duplicates,
    [property: Id(7)] IReadOnlyDictionary<string, long>? PublishedByType = null);
