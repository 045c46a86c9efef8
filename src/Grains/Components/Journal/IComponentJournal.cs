namespace AlgoSpace.Grains.Components.Journal;

/// <summary>
/// A component's append-only journal of what it acknowledged since the last checkpoint. A restored component reads
/// <see cref="Recovered"/>: what the previous incarnation acknowledged after the checkpoint it was restored from.
/// </summary>
public interface IComponentJournal
{
    /// <summary>Records the previous incarnation wrote after the restored checkpoint, oldest first (none on a new run).</summary>
    IReadOnlyList<JournalRecord> Recovered { get; }

    /// <summary>Appends and returns when the records are durable (before the caller acknowledges them).</summary>
    Task AppendAsync(IReadOnlyList<JournalRecord> records);
}

/// <summary>A journal kept in memory only (the in-process runner and unit tests): nothing survives the process.</summary>
public sealed class InMemoryJournal(IReadOnlyList<JournalRecord>? recovered = null) : IComponentJournal
{
    private readonly List<JournalRecord> _appended = [];

    public IReadOnlyList<JournalRecord> Recovered { get; } = recovered ?? [];

    /// <summary>Everything appended, in order.</summary>
    public IReadOnlyList<JournalRecord> Appended => _appended;

    public Task AppendAsync(IReadOnlyList<JournalRecord> records)
    {
        _appended.AddRange(records);
        return Task.CompletedTask;
    }
}
