using AlgoSpace.Grains.Components.Journal;
using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Components;
using Polly;

namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// What a component host persists: its pieces of the run's checkpoints (state "component") and its journal (state
/// "journal"). Writes are one at a time, because a source's pump (an interleaving timer) may ask for a checkpoint
/// while a journal write of the same host is in progress. Journal writes are retried in the caller's grain turn.
/// </summary>
public sealed partial class ComponentHostStore(
    string name, IPersistentState<ComponentHostState> state, IPersistentState<JournalState> journal, ILogger logger)
{
    private const int JournalWriteAttempts = 3;

    private readonly SemaphoreSlim _saving = new(1, 1);
    private ResiliencePipeline? _journalWritesPipeline;

    /// <summary>The last checkpoint this host restored or wrote a piece of: the key of what it journals now.</summary>
    private long _epoch;

    private ResiliencePipeline JournalWrites => _journalWritesPipeline ??= RetryPipelineFactory.ForDurableWrite(
        JournalWriteAttempts, (attempt, ex) => LogJournalWriteFailed(logger, name, attempt, JournalWriteAttempts, ex?.Message));

    /// <summary>
    /// Prepares for a run: a new run forgets what an earlier one saved; a resumed one restores checkpoint
    /// <paramref name="restore"/>'s piece (none for epoch 0, the run's beginning) and the journal written since.
    /// A resumed run without its piece must not start at all, so that throws <see cref="CheckpointRestoreException"/>.
    /// </summary>
    public async Task<(HostCheckpoint? Piece, IReadOnlyList<JournalRecord> Recovered)> OpenAsync(ComponentSpec spec, RestorePoint restore)
    {
        if (!restore.Resume)
        {
            if (state.RecordExists) await state.ClearStateAsync();
            if (journal.RecordExists) await journal.ClearStateAsync();
            _epoch = 0;
            return (null, []);
        }

        var piece = PieceToRestore(spec, restore.Epoch);
        var recovered = journal.State.Entries.Where(e => e.Epoch >= restore.Epoch).Select(e => e.Record).ToList();
        _epoch = restore.Epoch;
        return (piece, recovered);
    }

    /// <summary>Remembers the spec the pieces belong to, so that a resume under another kind is refused.</summary>
    public void Remember(ComponentSpec spec) => state.State.Spec = spec;

    private HostCheckpoint? PieceToRestore(ComponentSpec spec, long epoch)
    {
        if (epoch == 0) return null;
        if (state.State.Spec is { } saved && saved.Kind != spec.Kind)
        {
            throw new CheckpointRestoreException(
                $"Component {name} was saved as kind '{saved.Kind}' and is now configured as '{spec.Kind}': its checkpoint cannot be restored. "
                + "Restore the previous settings to resume the run, or move the state folder aside to start a new run.");
        }

        return state.State.Checkpoints.FirstOrDefault(c => c.Epoch == epoch) ?? throw new CheckpointRestoreException(
            $"Component {name} has no piece of committed checkpoint {epoch} (it holds {Describe(state.State.Checkpoints)}): "
            + "the saved state is incomplete, so the run cannot resume. Move the state folder aside to start a new run.");

        static string Describe(List<HostCheckpoint> pieces) =>
            pieces.Count == 0 ? "none" : "epochs " + string.Join(", ", pieces.Select(p => p.Epoch));
    }

    /// <summary>Writes the piece <paramref name="build"/> makes once no other write is in progress, and forgets superseded ones.</summary>
    public async Task SaveCheckpointAsync(Func<HostCheckpoint> build, long committedEpoch, ComponentSpec? spec)
    {
        await _saving.WaitAsync();
        try
        {
            var piece = build();
            state.State.Spec ??= spec;
            // Kept: the committed piece (the one a crash now restores) and this one. Older pieces are superseded;
            // a piece at or after this epoch is left over from a checkpoint that never committed.
            state.State.Checkpoints.RemoveAll(c => c.Epoch < committedEpoch || c.Epoch >= piece.Epoch);
            state.State.Checkpoints.Add(piece);
            await state.WriteStateAsync();
            _epoch = piece.Epoch;
            if (journal.State.Entries.RemoveAll(e => e.Epoch < committedEpoch) > 0) await journal.WriteStateAsync();
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>Appends to the journal, durably, before the component acknowledges what it journals.</summary>
    public async Task AppendJournalAsync(IReadOnlyList<JournalRecord> records)
    {
        if (records.Count == 0) return;
        await _saving.WaitAsync();
        try
        {
            var entries = records.Select(r => new JournalEntry(_epoch, r)).ToList();
            journal.State.Entries.AddRange(entries);
            try
            {
                await JournalWrites.ExecuteInTurnAsync(static async (state, _) => await state.WriteStateAsync(), journal);
            }
            catch (Exception ex) when (ex is not FatalComponentException)
            {
                // Not durable, so not journaled: the component must not acknowledge it, and a book that can no longer
                // be journaled cannot be trusted with more orders.
                LogJournalWriteFailed(logger, name, JournalWriteAttempts, JournalWriteAttempts, ex.Message);
                journal.State.Entries.RemoveRange(journal.State.Entries.Count - entries.Count, entries.Count);
                throw new FatalComponentException($"{name} could not write its journal after {JournalWriteAttempts} attempts: {ex.Message}", ex);
            }
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>The journal a hosted component sees: what the previous incarnation recorded, and durable appends.</summary>
    public IComponentJournal JournalFor(IReadOnlyList<JournalRecord> recovered) => new HostJournal(this, recovered);

    private sealed class HostJournal(ComponentHostStore store, IReadOnlyList<JournalRecord> recovered) : IComponentJournal
    {
        public IReadOnlyList<JournalRecord> Recovered { get; } = recovered;

        public Task AppendAsync(IReadOnlyList<JournalRecord> records) => store.AppendJournalAsync(records);
    }

    [LoggerMessage(EventId = 311, Level = LogLevel.Error, Message = "Component {Component}: journal write failed (attempt {Attempt} of {Attempts}): {Error}")]
    private static partial void LogJournalWriteFailed(ILogger logger, string component, int attempt, int attempts, string? error);
}
