using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Tests.Components.Execution;

/// <summary>
/// Drives an <see cref="ExecutionEngine"/> the way the component does: commands, ticks with increasing sequence
/// numbers, 5-minute bars. Times are on 2024-01-02 unless given. ES: tick 0.25, $50 a point.
/// </summary>
internal sealed class ExecutionHarness
{
    public static readonly DateTime Day = new(2024, 1, 2);

    private long _seq;

    public ExecutionHarness(ExecutionSettings? settings = null, int runSeed = 42, double initialCapital = 100_000, long firstSeq = 0, PortfolioGate? gate = null,
        InstrumentTable? instruments = null)
    {
        Settings = settings ?? Defaults();
        Engine = new ExecutionEngine(Settings, initialCapital, runSeed, instruments ?? new InstrumentTable(), gate);
        _seq = firstSeq;
    }

    public ExecutionSettings Settings { get; }

    public ExecutionEngine Engine { get; }

    /// <summary>Every event published so far, in order.</summary>
    public List<PublishedEvent> Published { get; } = [];

    /// <summary>Slippage 1 tick, $2.50 a side, and entries that always fill (probability 1).</summary>
    public static ExecutionSettings Defaults(double fillProbability = 1, bool forceFlatEod = true) => new()
    {
        SlippageTicks = 1,
        CommissionPerContract = 2.5,
        FillProbability = fillProbability,
        ForceFlatEod = forceFlatEod,
        SessionClose = "16:00",
    };

    public static DateTime At(int hour, int minute, int second = 0) => Day.Add(new TimeSpan(hour, minute, second));

    public static ExecuteTradePayload Command(string id = "EX1", int direction = 1, int size = 1, double entry = 5000,
        double stopLoss = 4990, double takeProfit = 5010, int maxHoldTime = 100, string symbol = "ES") =>
        new(id, new TradeSpecification(symbol, direction, entry, "TYPE_1"), new RiskParameters(size, stopLoss, takeProfit, maxHoldTime, 500, 1000));

    public IReadOnlyList<PublishedEvent> Trade(ExecuteTradePayload command, DateTime time) => Record(Engine.OnExecuteTrade(command, time));

    public IReadOnlyList<PublishedEvent> Tick(DateTime time, double price, string symbol = "ES") =>
        Record(Engine.OnTick(new TickPayload(symbol, time, price, 1, null, null), ++_seq));

    /// <summary>The 5-minute bar that starts at <paramref name="start"/>, as its close publishes it.</summary>
    public IReadOnlyList<PublishedEvent> Bar(DateTime start, double close = 5000) =>
        Record(Engine.OnBar(new BarPayload("ES", start, close, close, close, close, 10, 5, 4, false)));

    public IReadOnlyList<PublishedEvent> Protect(BookProtection protection) => Record(Engine.ProtectPositions(protection));

    /// <summary>A market with a last price and an open long of <paramref name="size"/> ES filled at 5000.25.</summary>
    public ExecutionHarness WithOpenLong(int size = 1, string id = "EX1", double stopLoss = 4990, double takeProfit = 5010, int maxHoldTime = 100)
    {
        Tick(At(10, 0), 5000);
        Trade(Command(id, 1, size, 5000, stopLoss, takeProfit, maxHoldTime), At(10, 0));
        Tick(At(10, 0, 30), 5000);
        return this;
    }

    private IReadOnlyList<PublishedEvent> Record(IReadOnlyList<PublishedEvent> events)
    {
        Published.AddRange(events);
        return events;
    }
}

/// <summary>Reading published events in assertions.</summary>
internal static class PublishedEvents
{
    public static IEnumerable<string> Types(this IEnumerable<PublishedEvent> events) => events.Select(e => e.Type);

    public static T Single<T>(this IEnumerable<PublishedEvent> events, string type) where T : EventPayload =>
        (T)Assert.Single(events, e => e.Type == type).Payload;

    public static IEnumerable<OrderEventPayload> Orders(this IEnumerable<PublishedEvent> events, string type) =>
        events.Where(e => e.Type == type).Select(e => (OrderEventPayload)e.Payload);

    public static TradeClosedPayload Closed(this IEnumerable<PublishedEvent> events) => events.Single<TradeClosedPayload>(TradeClosed);
}
