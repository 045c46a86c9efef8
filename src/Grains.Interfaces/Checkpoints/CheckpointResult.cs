namespace AlgoSpace.Grains.Interfaces.Checkpoints;

/// <summary>
/// What became of a checkpoint the kernel was asked for: taken (and committed), or skipped and why.
/// <see cref="SiloLost"/>: it failed because a component's silo could not be reached (the silo is gone).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CheckpointResult(
    [property: Id(0)] bool Committed,
    [property: Id(1)] long Epoch,
    [property: Id(2)] string? Skipped,
    [property: Id(3)] double ElapsedMs,
    [property: Id(4)] bool SiloLost = false);
