using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Grains.Components.Execution.Venues;

/// <summary>
/// Where an execution handler's orders go: the simulated fill model (backtest, paper) or a real venue's adapter.
/// The handler (<see cref="ExecutionHandlerComponent"/>) turns bus events into calls and publishes, in order, the
/// events each call returns. A real adapter translates commands into the venue's API; fills and order updates the
/// venue reports on its own are returned from the next call (every tick reaches the handler, so they are published
/// at market-data pace), and its positions are reconciled at <see cref="ConnectAsync"/> (the venue wins).
/// Credentials come only from environment variables, read by the adapter.
/// </summary>
public interface IExecutionVenue
{
    /// <summary>A short name for status displays: backtest, paper, or the venue's.</summary>
    string Name { get; }

    /// <summary>Opens the venue session; a simulated venue has nothing to open.</summary>
    ValueTask ConnectAsync(CancellationToken cancellation);

    /// <summary>EXECUTE_TRADE: checks the command and submits its entry (with the bracket once filled).</summary>
    ValueTask<IReadOnlyList<PublishedEvent>> SubmitAsync(ExecuteTradePayload command, DateTime time, CancellationToken cancellation);

    /// <summary>A market tick: simulated fills, excursions, end-of-day flat; a real venue returns what it reported since the last call.</summary>
    ValueTask<IReadOnlyList<PublishedEvent>> OnTickAsync(TickPayload tick, long seq, CancellationToken cancellation);

    /// <summary>A 5-minute bar: bars held and the time stop.</summary>
    ValueTask<IReadOnlyList<PublishedEvent>> OnBarAsync(BarPayload bar, CancellationToken cancellation);

    /// <summary>Cancels working orders and, when <see cref="BookProtection.Flatten"/>, closes open positions.</summary>
    ValueTask<IReadOnlyList<PublishedEvent>> ProtectAsync(BookProtection protection, CancellationToken cancellation);

    /// <summary>Closes the venue session.</summary>
    ValueTask DisconnectAsync(CancellationToken cancellation);

    /// <summary>Positions, working orders and the day's P&amp;L.</summary>
    AccountView Book(string component);

    /// <summary>Answers status questions ("counters", "trades", "equity"); "" when it has no answer.</summary>
    string Query(string question);

    /// <summary>The state to persist (positions, orders, fill journal, PRNG), saved before any of its events is acknowledged.</summary>
    object SaveState();

    void RestoreState(object state);

    /// <summary>
    /// A live restart: checks the venue's orders and positions against the journal of what was acknowledged since the
    /// restored checkpoint (oldest first; each record's VenueState, where present, is the book after it). Returns
    /// null when they agree (the venue's book is then the handler's), or what disagrees.
    /// </summary>
    ValueTask<string?> ReconcileAsync(IReadOnlyList<AlgoSpace.Grains.Components.Journal.JournalRecord> journal, CancellationToken cancellation);
}
