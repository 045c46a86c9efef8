namespace AlgoSpace.Grains.Components.Execution;

/// <summary>The saved <see cref="Account"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountState([property: Id(0)] double RealizedTotal, [property: Id(1)] double RealizedDay, [property: Id(2)] DateTime? Day);
