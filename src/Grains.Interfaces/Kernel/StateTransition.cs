namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>One transition of the system's state machine, with its cause (NFR-SK-09).</summary>
[GenerateSerializer, Immutable]
public sealed record StateTransition(
    [property: Id(0)] SystemState From,
    [property: Id(1)] SystemState To,
    [property: Id(2)] string Cause,
    [property: Id(3)] DateTime AtUtc);
