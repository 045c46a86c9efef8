namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// Execution ids seen within the last execution.duplicate_order_window seconds of simulation time: a command
/// that repeats one is a duplicate (a replayed or retried decision must not trade twice).
/// </summary>
public sealed class DuplicateWindow(TimeSpan window)
{
    private readonly List<SeenExecution> _seen = [];

    public IReadOnlyList<SeenExecution> Seen => _seen;

    /// <summary>Whether <paramref name="executionId"/> was seen within the window before <paramref name="now"/>.</summary>
    public bool IsDuplicate(string executionId, DateTime now)
    {
        Prune(now);
        return _seen.Exists(s => s.ExecutionId == executionId);
    }

    /// <summary>Remembers an id at its first sighting; a repeat does not extend its window.</summary>
    public void Record(string executionId, DateTime now)
    {
        Prune(now);
        if (!_seen.Exists(s => s.ExecutionId == executionId)) _seen.Add(new SeenExecution(executionId, now));
    }

    public void Restore(IEnumerable<SeenExecution> seen)
    {
        _seen.Clear();
        _seen.AddRange(seen);
    }

    private void Prune(DateTime now) => _seen.RemoveAll(s => now - s.SeenAt > window);
}
