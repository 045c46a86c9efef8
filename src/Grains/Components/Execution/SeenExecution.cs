namespace AlgoSpace.Grains.Components.Execution;

/// <summary>An execution id and when it was first seen.</summary>
[GenerateSerializer, Immutable]
public sealed record SeenExecution([property: Id(0)] string ExecutionId, [property: Id(1)] DateTime SeenAt);
