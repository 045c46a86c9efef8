namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>
/// What a component host tells the kernel for the operator's status: its event accounting, what the component says
/// of itself (its answer to "status"), the publish-to-handled latency of its recent deliveries in microseconds, and
/// the silo it runs on (its address, as the cluster's membership writes it), so the operator sees where each
/// component lives and sees it move when a silo leaves or dies.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComponentHealthSample(
    [property: Id(0)] BusCounters Counters,
    [property: Id(1)] string Detail,
    [property: Id(2)] IReadOnlyList<double> RecentLatencyMicroseconds,
    [property: Id(3)] string Silo);
