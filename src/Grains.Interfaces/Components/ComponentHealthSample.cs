namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>
/// What a component host tells the kernel for the operator's status: its event accounting, what the component says
/// of itself (its answer to "status"), and the publish-to-handled latency of its recent deliveries in microseconds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComponentHealthSample(
    [property: Id(0)] BusCounters Counters,
    [property: Id(1)] string Detail,
    [property: Id(2)] IReadOnlyList<double> RecentLatencyMicroseconds);
