namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>A snapshot of the system for status displays and tests.</summary>
[GenerateSerializer, Immutable]
public sealed record KernelStatus(
    [property: Id(0)] string RunId,
    [property: Id(1)] int RunSeed,
    [property: Id(2)] string Mode,
    [property: Id(3)] SystemState State,
    [property: Id(4)] IReadOnlyList<ComponentStatus> Components,
    [property: Id(5)] IReadOnlyList<StateTransition> Transitions,
    [property: Id(6)] IReadOnlyList<string> ActivationOrder,
    [property: Id(7)] int? ExitCode,
    [property: Id(8)] int Restarts);
