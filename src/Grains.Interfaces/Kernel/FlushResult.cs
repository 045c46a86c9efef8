namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>The outcome of a flush: whether the bus went quiet in time, and the totals it saw.</summary>
[GenerateSerializer, Immutable]
public sealed record FlushResult(
    [property: Id(0)] bool Completed,
    [property: Id(1)] long Sent,
    [property: Id(2)] long Handled,
    [property: Id(3)] TimeSpan Elapsed);
