namespace AlgoSpace.Components;

/// <summary>
/// A component's snapshot across the gap between <see cref="IComponent.RestoreState"/> and
/// <see cref="IComponent.InitializeAsync"/>: the host restores state before it initialises, when the component's
/// logic does not exist yet, so the snapshot waits here until <see cref="Attach"/> hands it over.
/// </summary>
public sealed class SnapshotSlot<TState> where TState : class
{
    private TState? _pending;

    /// <summary>Checks the snapshot's type, then restores it now (<paramref name="restoreNow"/>) or keeps it for <see cref="Attach"/>.</summary>
    public void Restore(object state, Action<TState>? restoreNow)
    {
        ArgumentNullException.ThrowIfNull(state);
        var saved = state as TState ?? throw new ArgumentException($"Expected a {typeof(TState).Name}, got {state.GetType().Name}.", nameof(state));
        if (restoreNow is null) _pending = saved;
        else restoreNow(saved);
    }

    /// <summary>Called once the logic exists: restores the snapshot kept since <see cref="Restore"/>, if any.</summary>
    public void Attach(Action<TState> restore)
    {
        ArgumentNullException.ThrowIfNull(restore);
        if (_pending is { } pending) restore(pending);
        _pending = null;
    }

    /// <summary>The logic's state (<paramref name="saveNow"/>), or the snapshot still waiting when there is no logic yet.</summary>
    public object? Save(Func<TState>? saveNow) => saveNow is null ? _pending : saveNow();
}
