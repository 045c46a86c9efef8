namespace AlgoSpace.Grains.Components.Journal;

/// <summary>
/// What a component acknowledges between checkpoints, written before the acknowledgement leaves it. An execution
/// handler journals each order event: <see cref="Key"/> is the event type and the deterministic order id (so a
/// replay that produces it again is recognised), <see cref="Detail"/> its content in a fixed text form (so one that
/// produces it differently is caught), <see cref="VenueState"/> the venue's book after it (live mode: what the
/// venue holds, which a restart reconciles against).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record JournalRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string Detail,
    [property: Id(2)] DateTime SimTime,
    [property: Id(3)] object? VenueState = null);

/// <summary>A <see cref="JournalRecord"/> as stored: keyed by the epoch of the last checkpoint before it.</summary>
[GenerateSerializer, Immutable]
public sealed record JournalEntry([property: Id(0)] long Epoch, [property: Id(1)] JournalRecord Record);

/// <summary>A host's journal (state "journal"): append-only between checkpoints; entries older than the committed
/// checkpoint are pruned when the next one is written.</summary>
[GenerateSerializer]
public sealed class JournalState
{
    [Id(0)] public List<JournalEntry> Entries { get; set; } = [];
}
