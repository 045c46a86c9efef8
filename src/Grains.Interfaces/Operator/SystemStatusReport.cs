using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Interfaces.Operator;

/// <summary>
/// What `status` shows: the kernel's state and mode, each component's state and health, uptime, event rates by
/// type, bus latency, the book (positions, working orders, today's P&amp;L), the steps of the operation under way,
/// and the cluster's silos with the components each holds (<see cref="SiloView"/>).
/// Rates and latency are measured over the last <see cref="RateWindow"/>; null until there are two samples.
/// <see cref="SiloAddress"/> is the kernel's own silo.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SystemStatusReport(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Mode,
    [property: Id(2)] SystemState State,
    [property: Id(3)] DateTime StartedUtc,
    [property: Id(4)] TimeSpan Uptime,
    [property: Id(5)] IReadOnlyList<ComponentHealth> Components,
    [property: Id(6)] IReadOnlyDictionary<string, double> EventsPerSecond,
    [property: Id(7)] IReadOnlyDictionary<string, long> EventTotals,
    [property: Id(8)] TimeSpan RateWindow,
    [property: Id(9)] BusLatency? BusLatency,
    [property: Id(10)] AccountView? Account,
    [property: Id(11)] string? AccountNote,
    [property: Id(12)] IReadOnlyList<OperationStep> Steps,
    [property: Id(13)] string? Operation,
    [property: Id(14)] int? ExitCode,
    [property: Id(15)] IReadOnlyList<StateTransition> RecentTransitions,
    [property: Id(16)] string SiloAddress,
    [property: Id(17)] IReadOnlyList<SiloView> Silos);

/// <summary>
/// One component as `status` shows it: state, its reason, event accounting, what it says of itself, and the silo its
/// host runs on (null when the host did not answer).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComponentHealth(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] bool Critical,
    [property: Id(3)] ComponentState State,
    [property: Id(4)] string? Reason,
    [property: Id(5)] long Handled,
    [property: Id(6)] long Failed,
    [property: Id(7)] long Sent,
    [property: Id(8)] string Detail,
    [property: Id(9)] string? Silo);

/// <summary>Publish-to-handled latency of bus deliveries over the recent samples of every component, in microseconds.</summary>
[GenerateSerializer, Immutable]
public sealed record BusLatency(
    [property: Id(0)] double P50Microseconds,
    [property: Id(1)] double P99Microseconds,
    [property: Id(2)] double MaxMicroseconds,
    [property: Id(3)] int Samples);
