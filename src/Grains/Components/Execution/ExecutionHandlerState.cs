using AlgoSpace.Grains.Components.Journal;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// An execution handler's piece of a checkpoint: the venue's book, and the journal records of a previous incarnation
/// that a replay has still to produce (<see cref="Awaiting"/>) or passed without producing (<see cref="Unreproduced"/>),
/// so that neither is lost across a later checkpoint.
/// </summary>
[GenerateSerializer]
public sealed record ExecutionHandlerState(
    [property: Id(0)] object Venue,
    [property: Id(1)] List<JournalRecord> Awaiting,
    [property: Id(2)] List<JournalRecord> Unreproduced);
