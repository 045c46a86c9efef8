using System.Globalization;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Grains.Components.Execution.Venues;

/// <summary>
/// The backtest fill model of component-contracts 2.9 as a venue (<see cref="ExecutionEngine"/>): entries fill on
/// the next tick with the configured probability, stops and markets slip, limits fill when touched. The backtest
/// handler uses it against replayed ticks and the paper broker against live ticks; both keep the same orders,
/// positions and journal, so shutdown's cancel-and-flatten does the same work in both modes.
/// </summary>
public sealed class SimulatedVenue(string name, AlgoSpaceSettings settings) : IExecutionVenue
{
    private readonly ExecutionEngine _engine = new(settings.Execution, settings.Backtesting.InitialCapital, settings.System.RunSeed, new InstrumentTable(settings.Instruments),
        new PortfolioGate(settings.RiskManagement, accountDailyLoss: settings.Symbols.Count > 1));

    public string Name { get; } = name;

    /// <summary>The engine, for the batch path (a tick batch is simulated tick by tick without a call per tick).</summary>
    public ExecutionEngine Engine => _engine;

    public ValueTask ConnectAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask<IReadOnlyList<PublishedEvent>> SubmitAsync(ExecuteTradePayload command, DateTime time, CancellationToken cancellation) =>
        ValueTask.FromResult(_engine.OnExecuteTrade(command, time));

    public ValueTask<IReadOnlyList<PublishedEvent>> OnTickAsync(TickPayload tick, long seq, CancellationToken cancellation) =>
        ValueTask.FromResult(_engine.OnTick(tick, seq));

    public ValueTask<IReadOnlyList<PublishedEvent>> OnBarAsync(BarPayload bar, CancellationToken cancellation) =>
        ValueTask.FromResult(_engine.OnBar(bar));

    public ValueTask<IReadOnlyList<PublishedEvent>> ProtectAsync(BookProtection protection, CancellationToken cancellation) =>
        ValueTask.FromResult(_engine.ProtectPositions(protection));

    public ValueTask DisconnectAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public AccountView Book(string component) => BookView.Of(_engine, component, Name);

    public string Query(string question) => question switch
    {
        "counters" => _engine.Counters.ToString(),
        "trades" => string.Join("; ", _engine.Trades.Select(t => $"{t.ExecutionId} {t.Symbol} {t.Direction * t.Quantity:+#;-#} {t.Phase}")),
        "equity" => _engine.Equity.ToString("F2", CultureInfo.InvariantCulture),
        _ => "",
    };

    public object SaveState() => _engine.SaveState();

    /// <summary>
    /// The paper venue keeps no book outside this process, so the book journaled with its last acknowledgement is
    /// the venue's own record (as a real venue's books would be): it is adopted, after checking it is one.
    /// </summary>
    public ValueTask<string?> ReconcileAsync(IReadOnlyList<AlgoSpace.Grains.Components.Journal.JournalRecord> journal, CancellationToken cancellation)
    {
        if (journal.Count == 0) return ValueTask.FromResult<string?>(null);
        if (journal[^1].VenueState is not { } last) return ValueTask.FromResult<string?>($"the last journal record ({journal[^1].Key}) carries no venue book");
        if (last is not ExecutionEngineState book) return ValueTask.FromResult<string?>($"the journal's venue book is a {last.GetType().Name}, not the {Name} venue's");
        _engine.RestoreState(book);
        return ValueTask.FromResult<string?>(null);
    }

    public void RestoreState(object state) => _engine.RestoreState(state as ExecutionEngineState
        ?? throw new ArgumentException($"Expected an {nameof(ExecutionEngineState)}, got {state.GetType().Name}.", nameof(state)));
}
