using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Performance;

/// <summary>
/// Computes the equity curve and the run's statistics from closed trades (net of commissions). Pure: the same
/// trades, days and span give the same doubles, in the same order of operations, on every run.
/// </summary>
public static class PerformanceCalculator
{
    /// <summary>Trading days per year, for annualising daily Sharpe and Sortino ratios.</summary>
    public const double TradingDaysPerYear = 252;

    /// <param name="trades">Closed trades in arrival order; the curve orders them by exit time (stable, so ties keep arrival order).</param>
    /// <param name="days">Simulation dates seen; trade exit dates are added if missing.</param>
    /// <param name="start">Start of the simulated span (null: the first trade's entry).</param>
    /// <param name="end">End of the simulated span (null: the last trade's exit).</param>
    public static (IReadOnlyList<EquityPoint> Equity, PerformanceStatistics Statistics) Compute(
        double initialCapital, IReadOnlyList<TradeClosedPayload> trades, IEnumerable<DateTime> days, DateTime? start, DateTime? end)
    {
        var byExit = trades.OrderBy(t => t.Exit.Timestamp).ToList();
        foreach (var trade in trades)
        {
            if (start is null || trade.Entry.Timestamp < start) start = trade.Entry.Timestamp;
            if (end is null || trade.Exit.Timestamp > end) end = trade.Exit.Timestamp;
        }

        var equity = EquityCurve(initialCapital, byExit, start, end);
        var (maxDrawdown, maxDrawdownPercent, longest) = Drawdowns(equity);
        var returns = DailyReturns(initialCapital, byExit, days);

        int wins = 0, losses = 0;
        double net = 0, grossProfit = 0, grossLoss = 0, commission = 0;
        foreach (var trade in trades)
        {
            var pnl = trade.Performance.NetPnl;
            net += pnl;
            commission += trade.Performance.CommissionPaid;
            if (pnl > 0) { wins++; grossProfit += pnl; }
            else if (pnl < 0) { losses++; grossLoss -= pnl; }
        }

        var count = trades.Count;
        var statistics = new PerformanceStatistics(
            count, wins, losses, count - wins - losses, net, grossProfit, grossLoss, commission,
            WinRate: count == 0 ? null : (double)wins / count,
            ProfitFactor: grossLoss > 0 ? grossProfit / grossLoss : grossProfit > 0 ? double.PositiveInfinity : null,
            AverageTrade: count == 0 ? null : net / count,
            Sharpe: Sharpe(returns.Returns),
            Sortino: Sortino(returns.Returns),
            maxDrawdown, maxDrawdownPercent, longest,
            Exposure: Exposure(trades, start, end),
            TradingDays: returns.Days,
            FinalEquity: initialCapital + net);
        return (equity, statistics);
    }

    /// <summary>A point at the span's start, one at each trade exit, and one at the span's end if later.</summary>
    private static List<EquityPoint> EquityCurve(double capital, List<TradeClosedPayload> byExit, DateTime? start, DateTime? end)
    {
        var points = new List<EquityPoint>();
        var equity = capital;
        var peak = capital;
        if (start is { } first) Add(first);
        foreach (var trade in byExit)
        {
            equity += trade.Performance.NetPnl;
            Add(trade.Exit.Timestamp);
        }

        if (end is { } last && (points.Count == 0 || last > points[^1].Time)) Add(last);
        return points;

        void Add(DateTime time)
        {
            peak = Math.Max(peak, equity);
            var drawdown = peak - equity;
            points.Add(new EquityPoint(time, equity, drawdown, peak > 0 ? 100 * drawdown / peak : 0));
        }
    }

    /// <summary>Deepest drawdown ($ and %), and the longest time from a peak until equity regained it (or the end).</summary>
    private static (double Max, double MaxPercent, TimeSpan Longest) Drawdowns(List<EquityPoint> curve)
    {
        double max = 0, maxPercent = 0;
        var longest = TimeSpan.Zero;
        DateTime? underwaterSince = null;
        DateTime? peakTime = null;
        foreach (var point in curve)
        {
            max = Math.Max(max, point.Drawdown);
            maxPercent = Math.Max(maxPercent, point.DrawdownPercent);
            if (point.Drawdown > 0)
            {
                underwaterSince ??= peakTime ?? point.Time;
                if (point.Time - underwaterSince.Value > longest) longest = point.Time - underwaterSince.Value;
            }
            else
            {
                if (underwaterSince is { } since && point.Time - since > longest) longest = point.Time - since;
                underwaterSince = null;
                peakTime = point.Time;
            }
        }

        return (max, maxPercent, longest);
    }

    /// <summary>
    /// One return per simulation date: end-of-day realized equity over the previous day's (the first day's over
    /// the initial capital). Days without a trade return 0, so quiet days count in the mean and the deviation.
    /// </summary>
    private static (List<double> Returns, int Days) DailyReturns(double capital, List<TradeClosedPayload> byExit, IEnumerable<DateTime> days)
    {
        var dates = new SortedSet<DateTime>(days.Select(d => d.Date));
        foreach (var trade in byExit) dates.Add(trade.Exit.Timestamp.Date);
        var returns = new List<double>(dates.Count);
        var previous = capital;
        var equity = capital;
        var next = 0;
        foreach (var date in dates)
        {
            for (; next < byExit.Count && byExit[next].Exit.Timestamp.Date <= date; next++) equity += byExit[next].Performance.NetPnl;
            returns.Add(previous > 0 ? equity / previous - 1 : 0);
            previous = equity;
        }

        return (returns, dates.Count);
    }

    private static double? Sharpe(List<double> returns)
    {
        if (returns.Count < 2) return null;
        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1);
        return variance > 0 ? mean / Math.Sqrt(variance) * Math.Sqrt(TradingDaysPerYear) : null;
    }

    private static double? Sortino(List<double> returns)
    {
        if (returns.Count < 2) return null;
        var mean = returns.Average();
        var downside = Math.Sqrt(returns.Sum(r => r < 0 ? r * r : 0) / returns.Count);
        if (downside > 0) return mean / downside * Math.Sqrt(TradingDaysPerYear);
        return mean > 0 ? double.PositiveInfinity : null;
    }

    /// <summary>The union of the trades' [entry, exit] intervals over the simulated span.</summary>
    private static double? Exposure(IReadOnlyList<TradeClosedPayload> trades, DateTime? start, DateTime? end)
    {
        if (start is not { } from || end is not { } to || to <= from) return null;
        var covered = TimeSpan.Zero;
        DateTime? openFrom = null, openTo = null;
        foreach (var trade in trades.OrderBy(t => t.Entry.Timestamp))
        {
            var (entry, exit) = (trade.Entry.Timestamp, trade.Exit.Timestamp);
            if (exit < entry) (entry, exit) = (exit, entry);
            if (openTo is { } currentEnd && entry <= currentEnd)
            {
                if (exit > currentEnd) openTo = exit;
                continue;
            }

            if (openFrom is { } a && openTo is { } b) covered += b - a;
            (openFrom, openTo) = (entry, exit);
        }

        if (openFrom is { } lastFrom && openTo is { } lastTo) covered += lastTo - lastFrom;
        return covered / (to - from);
    }
}
