namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>Something the pattern tracker did with a signal, for the log.</summary>
public sealed record SequenceNote(SequenceNoteKind Kind, string Detail);

public enum SequenceNoteKind
{
    Started,
    Added,
    FvgCannotStart,
    DuplicateIgnored,
    DirectionReset,
    Expired,
    CooldownDiscarded,
    Completed,
}
