using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Reporting;

/// <summary>
/// One instrument's part of a portfolio's results: its closed trades, won and lost, and what they made after
/// commission. The portfolio's equity curve and statistics are the account's (equity.csv, "statistics"); this is
/// where each instrument's share of them shows.
/// </summary>
public sealed record InstrumentResult(string Symbol, int Trades, int Wins, int Losses, double NetPnl, double Commission, double? BestTrade, double? WorstTrade)
{
    /// <summary>Each traded symbol's results, in the order of settings.symbols (a symbol that never traded has a row of zeros).</summary>
    public static IReadOnlyList<InstrumentResult> From(IReadOnlyList<string> symbols, IEnumerable<TradeClosedPayload> trades)
    {
        var bySymbol = trades.GroupBy(t => t.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return symbols.Select(symbol => bySymbol.TryGetValue(symbol, out var list)
            ? new InstrumentResult(symbol, list.Count, list.Count(t => t.TradeResult.NetPnl > 0), list.Count(t => t.TradeResult.NetPnl < 0),
                list.Sum(t => t.TradeResult.NetPnl), list.Sum(t => t.Performance.CommissionPaid),
                list.Max(t => t.TradeResult.NetPnl), list.Min(t => t.TradeResult.NetPnl))
            : new InstrumentResult(symbol, 0, 0, 0, 0, 0, null, null)).ToList();
    }
}
