namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>
/// The run's statistics over its closed trades (net of commissions). A ratio that has no value (no trades, fewer
/// than two days) is null; one that is infinite (no losing trade or day) is <see cref="double.PositiveInfinity"/>.
/// </summary>
/// <param name="WinRate">Wins / trades, 0..1; null without trades.</param>
/// <param name="ProfitFactor">Gross profit / gross loss; +∞ with profit and no loss; null without either.</param>
/// <param name="Sharpe">Daily returns of end-of-day equity by simulation date, mean / sample standard deviation · √252;
/// null with fewer than two daily returns or no variation.</param>
/// <param name="Sortino">Mean daily return / downside deviation (root mean square of the negative returns over all
/// days, target 0) · √252; +∞ with a positive mean and no losing day; null with fewer than two daily returns.</param>
/// <param name="MaxDrawdown">Largest fall of the equity curve from a previous peak, USD.</param>
/// <param name="MaxDrawdownPercent">Largest fall from a previous peak as a percentage of that peak.</param>
/// <param name="LongestDrawdown">Longest simulation time spent below a previous peak (to the end if not recovered).</param>
/// <param name="Exposure">Fraction of the simulated time with at least one open trade, 0..1; null without simulated time.</param>
/// <param name="TradingDays">Simulation dates seen (with a bar or a trade exit): the basis of the daily returns.</param>
[GenerateSerializer, Immutable]
public sealed record PerformanceStatistics(
    [property: Id(0)] int Trades,
    [property: Id(1)] int Wins,
    [property: Id(2)] int Losses,
    [property: Id(3)] int Breakeven,
    [property: Id(4)] double NetPnl,
    [property: Id(5)] double GrossProfit,
    [property: Id(6)] double GrossLoss,
    [property: Id(7)] double Commission,
    [property: Id(8)] double? WinRate,
    [property: Id(9)] double? ProfitFactor,
    [property: Id(10)] double? AverageTrade,
    [property: Id(11)] double? Sharpe,
    [property: Id(12)] double? Sortino,
    [property: Id(13)] double MaxDrawdown,
    [property: Id(14)] double MaxDrawdownPercent,
    [property: Id(15)] TimeSpan LongestDrawdown,
    [property: Id(16)] double? Exposure,
    [property: Id(17)] int TradingDays,
    [property: Id(18)] double FinalEquity);
