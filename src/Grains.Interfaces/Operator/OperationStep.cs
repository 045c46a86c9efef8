namespace AlgoSpace.Grains.Interfaces.Operator;

/// <summary>
/// One finished step of an operation the kernel runs (a shutdown or a mode switch), in the order they finished, so
/// that a client can print each step as it completes.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OperationStep(
    [property: Id(0)] long Number,
    [property: Id(1)] string Operation,
    [property: Id(2)] string Step,
    [property: Id(3)] bool Succeeded,
    [property: Id(4)] string Detail,
    [property: Id(5)] DateTime AtUtc);
