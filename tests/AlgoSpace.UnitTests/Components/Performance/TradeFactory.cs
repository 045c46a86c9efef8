using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Performance;

/// <summary>Closed ES trades for the performance tests: only the fields the tracker reads matter.</summary>
public static class TradeFactory
{
    public static readonly DateTime Jan2 = new(2024, 1, 2);

    /// <param name="net">Net P&amp;L in USD; the commission is 5 and the gross is net + 5.</param>
    public static TradeClosedPayload Trade(string id, int direction, DateTime entry, DateTime exit, double net, double entryPrice = 4750, double exitPrice = 4760) =>
        new(id, "ES", direction,
            new TradeEntry(entryPrice, 1, entry, 0.25),
            new TradeExit(exitPrice, 1, exit, "TAKE_PROFIT"),
            new TradePerformance(net + 5, (exitPrice - entryPrice) * direction, 0, 5, net, 12, 12.5, 3.25),
            new ExecutionQuality(0.25, 0.25, 0),
            new TradeResult(net > 0 ? "WIN" : net < 0 ? "LOSS" : "BREAKEVEN", net, (exit - entry).TotalSeconds, "TAKE_PROFIT", false, true, 1, 4, 8));

    /// <summary>
    /// The two-trade example of the writer tests: a long won 1000 on Jan 2 (10:00 to 11:00), a short lost 500 on
    /// Jan 3 (10:00 to 12:00).
    /// </summary>
    public static IReadOnlyList<TradeClosedPayload> TwoTrades() =>
    [
        Trade("exec-1", 1, Jan2.AddHours(10), Jan2.AddHours(11), 1000, 4750, 4770.1),
        Trade("exec-2", -1, Jan2.AddDays(1).AddHours(10), Jan2.AddDays(1).AddHours(12), -500, 4780, 4789.9),
    ];
}
