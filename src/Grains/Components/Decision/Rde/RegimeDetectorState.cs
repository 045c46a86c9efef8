using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Components.Decision.Rde;

/// <summary>
/// What the RDE carries from one answer to the next: the previous regime vector (the baseline of the next shift, and
/// so of the regime-transition alert) and the last answer (a repeated question is answered alike). Saved in
/// checkpoints so that a resumed, recovered or moved run answers and alerts exactly as an unbroken one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RegimeDetectorState(
    [property: Id(0)] float[]? Previous,
    [property: Id(1)] long? LastSeq,
    [property: Id(2)] RegimeVectorReply? LastReply);
