using System.Globalization;
using System.Text.Json;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.TestComponents;

// Stand-ins for the parts of the pipeline that are not written yet, and probes around the real ones, for the
// pipeline tests (determinism and ordering).

/// <summary>
/// A decision maker in place of the indicator-synergy-MARL chain: on every <c>every</c>-th real NEW_5MIN_BAR it
/// publishes EXECUTE_TRADE, 1 contract, alternating long and short (first long), entry at the bar's close, stop and
/// target <c>bracket</c> points away (default 2), time stop 3 bars. NEW_30MIN_BAR is accepted and ignored. Journal entry: EXECUTE_TRADE:&lt;sim time&gt;.
/// </summary>
[ComponentKind("test_bar_trader", Consumes = [New5MinBar, New30MinBar], Produces = [ExecuteTrade])]
public sealed class TestBarTrader : IComponent
{
    private readonly IComponentContext _context;
    private int _bars;
    private int _trades;

    public TestBarTrader(IComponentContext context)
    {
        _context = context;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        if (envelope.Type != New5MinBar || envelope.Payload is not BarPayload { IsSynthetic: false } bar) return;
        if (++_bars % _context.Int("every", 1) != 0) return;
        var direction = _trades++ % 2 == 0 ? 1 : -1;
        var bracket = _context.Int("bracket", 2);
        var command = new ExecuteTradePayload(
            $"T{_trades}",
            new TradeSpecification(bar.Symbol, direction, bar.Close, "TEST"),
            new RiskParameters(1, bar.Close - direction * bracket, bar.Close + direction * bracket, 3, bracket * 50, bracket * 50));
        TestJournal.Write(_context, $"{ExecuteTrade}:{envelope.SimTime:O}");
        await _context.Bus.PublishAsync(ExecuteTrade, command, envelope.SimTime, envelope.CorrelationId);
    }

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => new BarTraderState(_bars, _trades);

    public void RestoreState(object state) => (_bars, _trades) = ((BarTraderState)state).ToTuple();

    public string Query(string question) => question == "trades" ? _trades.ToString(CultureInfo.InvariantCulture) : "";
}

[GenerateSerializer]
public sealed record BarTraderState([property: Id(0)] int Bars, [property: Id(1)] int Trades)
{
    public (int, int) ToTuple() => (Bars, Trades);
}

/// <summary>
/// The real backtest execution handler with a journal around it: each event it handles (type and the tick's or
/// event's time) and each event it publishes, in the order they happen.
/// </summary>
[ComponentKind("test_journaled_execution", Role = ComponentRole.ExecutionHandler, Modes = ComponentMode.Backtest,
    Consumes = [ExecuteTrade, NewTick, New5MinBar],
    Produces = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, SystemError])]
public sealed class TestJournaledExecution : IComponent, IPositionKeeper
{
    private readonly BacktestExecutionHandler _inner;
    private readonly IComponentContext _context;

    public TestJournaledExecution(IComponentContext context)
    {
        _context = context;
        _inner = new BacktestExecutionHandler(new JournalingContext(context));
    }

    public ValueTask StartAsync(CancellationToken cancellation) => _inner.StartAsync(cancellation);

    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        var time = envelope.Payload is TickPayload tick ? tick.Timestamp : envelope.SimTime;
        TestJournal.Write(_context, $"handle {envelope.Type}:{time:O}");
        return _inner.HandleAsync(envelope, cancellation);
    }

    public ValueTask ProtectPositionsAsync(BookProtection protection, CancellationToken cancellation) =>
        _inner.ProtectPositionsAsync(protection, cancellation);

    public ValueTask StopAsync(CancellationToken cancellation) => _inner.StopAsync(cancellation);

    public object? SaveState() => _inner.SaveState();

    public void RestoreState(object state) => _inner.RestoreState(state);

    public string Query(string question) => _inner.Query(question);

    private sealed class JournalingContext(IComponentContext context) : IComponentContext, IEventBus
    {
        public ComponentSpec Spec => context.Spec;
        public AlgoSpaceSettings Settings => context.Settings;
        public IEventBus Bus => this;
        public ILogger Logger => context.Logger;
        public IReadOnlyDictionary<string, AlgoSpace.Grains.Models.LoadedModel> Models => context.Models;
        public IComponentCalls Calls => context.Calls;

        public void ReportDegraded(string reason) => context.ReportDegraded(reason);

        public AlgoSpace.Grains.Components.Journal.IComponentJournal Journal => context.Journal;

        public ValueTask PublishAsync(string eventType, EventPayload? payload, DateTime simTime, string? correlationId = null)
        {
            TestJournal.Write(context, $"publish {eventType}:{simTime:O}");
            return context.Bus.PublishAsync(eventType, payload, simTime, correlationId);
        }

        public Task SubscribeAsync(string eventType) => context.Bus.SubscribeAsync(eventType);

        public Task UnsubscribeAsync(string eventType) => context.Bus.UnsubscribeAsync(eventType);
    }
}

/// <summary>
/// Records every event it receives as one canonical line: type, simulation time (ISO 8601) and the payload as
/// JSON of its runtime type (System.Text.Json writes numbers culture-invariant and round-trippable). No wall-clock
/// value enters a line; the envelope's seq and correlation id are left out as they number deliveries, not outcomes.
/// Query("canonical") returns the lines, one per event, in the order received.
/// </summary>
[ComponentKind("test_event_recorder",
    Consumes = [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, ExecuteTrade])]
public sealed class TestEventRecorder : IComponent
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly List<string> _lines = [];

    /// <summary>Needs nothing from its context.</summary>
    public TestEventRecorder(IComponentContext context)
    {
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        var payload = envelope.Payload is null ? "null" : JsonSerializer.Serialize(envelope.Payload, envelope.Payload.GetType(), Json);
        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"{envelope.Type}|{envelope.SimTime:O}|{envelope.Source}|{payload}"));
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => new RecorderState([.. _lines]);

    public void RestoreState(object state) => _lines.AddRange(((RecorderState)state).Received);

    public string Query(string question) => question == "canonical" ? string.Join("\n", _lines) : "";
}
