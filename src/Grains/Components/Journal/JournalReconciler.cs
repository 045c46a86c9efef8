namespace AlgoSpace.Grains.Components.Journal;

/// <summary>
/// Reconciles what a restored component produces again (a replay from its checkpoint) with what the previous
/// incarnation journaled after that checkpoint. A produced record whose key is awaiting is the same acknowledgement
/// made again: it is not journaled (or, at a real venue, sent) twice. A produced record with an awaiting key but
/// other content, or an awaiting record the replay has passed without producing, means the run is not deterministic:
/// both are reported and kept, never silently dropped.
/// </summary>
public sealed class JournalReconciler
{
    private readonly List<JournalRecord> _awaiting;
    private readonly List<JournalRecord> _unreproduced;

    public JournalReconciler(IEnumerable<JournalRecord> awaiting, IEnumerable<JournalRecord>? unreproduced = null)
    {
        _awaiting = [.. awaiting];
        _unreproduced = [.. unreproduced ?? []];
    }

    /// <summary>Journaled records the replay has not produced again yet, oldest first.</summary>
    public IReadOnlyList<JournalRecord> Awaiting => _awaiting;

    /// <summary>Journaled records a replay passed without producing (kept for the operator and the checkpoint).</summary>
    public IReadOnlyList<JournalRecord> Unreproduced => _unreproduced;

    public long Matched { get; private set; }

    public long Mismatched { get; private set; }

    /// <summary>Splits what the component produced into records to journal and the mismatches among them.</summary>
    public ReconcileOutcome Reconcile(IReadOnlyList<JournalRecord> produced)
    {
        if (_awaiting.Count == 0) return new ReconcileOutcome(produced, []);
        var append = new List<JournalRecord>(produced.Count);
        var mismatches = new List<(JournalRecord Journaled, JournalRecord Produced)>();
        foreach (var record in produced)
        {
            var index = _awaiting.FindIndex(r => r.Key == record.Key);
            if (index < 0)
            {
                append.Add(record);
                continue;
            }

            var journaled = _awaiting[index];
            _awaiting.RemoveAt(index);
            if (journaled.Detail == record.Detail)
            {
                Matched++;
                continue;
            }

            // Both stand: the journaled acknowledgement happened, and so does this one.
            Mismatched++;
            mismatches.Add((journaled, record));
            _unreproduced.Add(journaled);
            append.Add(record);
        }

        return new ReconcileOutcome(append, mismatches);
    }

    /// <summary>
    /// Awaiting records from before <paramref name="simTime"/>: the replay has moved past them without producing
    /// them. They move to <see cref="Unreproduced"/> and are returned for reporting.
    /// </summary>
    public IReadOnlyList<JournalRecord> Passed(DateTime simTime)
    {
        if (!_awaiting.Exists(r => r.SimTime < simTime)) return [];
        var passed = _awaiting.Where(r => r.SimTime < simTime).ToList();
        _awaiting.RemoveAll(r => r.SimTime < simTime);
        _unreproduced.AddRange(passed);
        return passed;
    }

    /// <summary>Every awaiting record: the run ended before producing them.</summary>
    public IReadOnlyList<JournalRecord> PassedAll() => Passed(DateTime.MaxValue);
}

/// <summary>What <see cref="JournalReconciler.Reconcile"/> found: the records to journal, and content mismatches.</summary>
public sealed record ReconcileOutcome(IReadOnlyList<JournalRecord> ToJournal, IReadOnlyList<(JournalRecord Journaled, JournalRecord Produced)> Mismatches);
