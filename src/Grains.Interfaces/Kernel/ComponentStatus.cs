namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>What the kernel records about one component.</summary>
[GenerateSerializer]
public sealed record ComponentStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] bool Critical,
    [property: Id(3)] ComponentState State,
    [property: Id(4)] string? Reason,
    [property: Id(5)] IReadOnlyList<ModelAssignment> Models);

/// <summary>A model the kernel handed to a component, with the version in use (or why it is missing).</summary>
[GenerateSerializer, Immutable]
public sealed record ModelAssignment(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Version,
    [property: Id(2)] string? Sha256,
    [property: Id(3)] bool Available,
    [property: Id(4)] string? Reason);
