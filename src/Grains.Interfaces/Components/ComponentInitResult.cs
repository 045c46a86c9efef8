using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>The outcome of creating a component: its state, why it is not Running-ready, and whether it resumed saved state.</summary>
[GenerateSerializer, Immutable]
public sealed record ComponentInitResult(
    [property: Id(0)] ComponentState State,
    [property: Id(1)] string? Reason,
    [property: Id(2)] bool RestoredState,
    [property: Id(3)] IReadOnlyList<ModelAssignment> Models);
