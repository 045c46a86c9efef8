using AlgoSpace.Grains.Components.Performance;
using static AlgoSpace.Tests.Components.Performance.TradeFactory;

namespace AlgoSpace.Tests.Components.Performance;

public sealed class PerformanceCalculatorTests
{
    private const double Capital = 100_000;

    /// <summary>
    /// Three trades over four trading days (bars on Jan 2 to Jan 5, the span 09:30 Jan 2 to 16:00 Jan 5):
    /// +1000 (Jan 2, 10:00-11:00), -500 (Jan 3, 10:00-12:00), +250 (Jan 4, 10:00-10:30).
    /// </summary>
    private static PerformanceLedger ThreeTradesOverFourDays()
    {
        var ledger = new PerformanceLedger(Capital);
        for (var day = 0; day < 4; day++) ledger.ObserveBar(Jan2.AddDays(day).AddHours(9.5), Jan2.AddDays(day).AddHours(16), traded: true);
        ledger.AddTrade(Trade("a", 1, Jan2.AddHours(10), Jan2.AddHours(11), 1000));
        ledger.AddTrade(Trade("b", -1, Jan2.AddDays(1).AddHours(10), Jan2.AddDays(1).AddHours(12), -500));
        ledger.AddTrade(Trade("c", 1, Jan2.AddDays(2).AddHours(10), Jan2.AddDays(2).AddHours(10.5), 250));
        return ledger;
    }

    [Fact]
    public void Sums_counts_and_ratios_follow_from_the_net_pnl_of_each_trade()
    {
        var s = ThreeTradesOverFourDays().Report().Statistics;

        Assert.Equal((3, 2, 1, 0), (s.Trades, s.Wins, s.Losses, s.Breakeven));
        Assert.Equal(750, s.NetPnl, 9);            // 1000 - 500 + 250
        Assert.Equal(1250, s.GrossProfit, 9);      // 1000 + 250
        Assert.Equal(500, s.GrossLoss, 9);
        Assert.Equal(15, s.Commission, 9);         // 3 x 5
        Assert.Equal(2.0 / 3, s.WinRate!.Value, 9);
        Assert.Equal(2.5, s.ProfitFactor!.Value, 9); // 1250 / 500
        Assert.Equal(250, s.AverageTrade!.Value, 9); // 750 / 3
        Assert.Equal(100_750, s.FinalEquity, 9);
        Assert.Equal(4, s.TradingDays);
    }

    [Fact]
    public void Sharpe_and_Sortino_are_annualised_daily_returns_of_end_of_day_equity()
    {
        var s = ThreeTradesOverFourDays().Report().Statistics;

        // End-of-day equity 101000, 100500, 100750, 100750 over 100000 at the start:
        // r = 0.01, 100500/101000-1 = -0.0049505, 100750/100500-1 = 0.0024876, 0.
        // mean = 0.00188427; sample sd (n-1) = 0.00623147; Sharpe = mean / sd * sqrt(252) = 4.8001.
        // downside deviation = sqrt(0.0049505^2 / 4) = 0.00247525; Sortino = mean / dd * sqrt(252) = 12.0844.
        Assert.Equal(4.8001, s.Sharpe!.Value, 3);
        Assert.Equal(12.0844, s.Sortino!.Value, 3);
    }

    [Fact]
    public void Drawdown_is_measured_from_the_running_peak_and_lasts_until_regained_or_the_end()
    {
        var report = ThreeTradesOverFourDays().Report();

        // Peak 101000 at Jan 2 11:00; 100500 after the loss: 500 USD, 500/101000 = 0.49505 %. Equity never
        // regains 101000, so the drawdown lasts from Jan 2 11:00 to the end, Jan 5 16:00: 3 days 5 hours.
        Assert.Equal(500, report.Statistics.MaxDrawdown, 9);
        Assert.Equal(0.4950495, report.Statistics.MaxDrawdownPercent, 6);
        Assert.Equal(TimeSpan.FromHours(77), report.Statistics.LongestDrawdown);
        Assert.Equal([100_000, 101_000, 100_500, 100_750, 100_750], report.Equity.Select(p => p.Equity));
        Assert.Equal([0, 0, 500, 250, 250], report.Equity.Select(p => p.Drawdown));
    }

    [Fact]
    public void Exposure_is_the_time_with_an_open_trade_over_the_simulated_span()
    {
        var s = ThreeTradesOverFourDays().Report().Statistics;

        // 1 h + 2 h + 0.5 h open, over 09:30 Jan 2 .. 16:00 Jan 5 = 78.5 h: 3.5 / 78.5.
        Assert.Equal(3.5 / 78.5, s.Exposure!.Value, 9);
    }

    [Fact]
    public void Overlapping_trades_count_their_common_time_once()
    {
        var ledger = new PerformanceLedger(Capital);
        ledger.ObserveBar(Jan2.AddHours(10), Jan2.AddHours(14), traded: true);
        ledger.AddTrade(Trade("a", 1, Jan2.AddHours(10), Jan2.AddHours(11), 10));
        ledger.AddTrade(Trade("b", 1, Jan2.AddHours(10.5), Jan2.AddHours(12), 10));

        // 10:00..12:00 is covered (2 h) of 10:00..14:00 (4 h).
        Assert.Equal(0.5, ledger.Report().Statistics.Exposure!.Value, 9);
    }

    [Fact]
    public void Without_losses_the_profit_factor_is_infinite_and_with_one_day_the_daily_ratios_are_null()
    {
        var ledger = new PerformanceLedger(Capital);
        ledger.AddTrade(Trade("a", 1, Jan2.AddHours(10), Jan2.AddHours(11), 100));
        var s = ledger.Report().Statistics;

        Assert.Equal(double.PositiveInfinity, s.ProfitFactor);
        Assert.Null(s.Sharpe);
        Assert.Null(s.Sortino);
    }

    [Fact]
    public void Without_trades_the_ratios_are_null_and_equity_stays_at_the_capital()
    {
        var ledger = new PerformanceLedger(Capital);
        ledger.ObserveBar(Jan2.AddHours(10), Jan2.AddHours(10).AddMinutes(5), traded: true);
        var report = ledger.Report();

        Assert.Null(report.Statistics.WinRate);
        Assert.Null(report.Statistics.ProfitFactor);
        Assert.Null(report.Statistics.AverageTrade);
        Assert.Equal(0, report.Statistics.Exposure);
        Assert.All(report.Equity, p => Assert.Equal(Capital, p.Equity));
    }

    [Fact]
    public void A_trade_reported_twice_is_counted_once()
    {
        var ledger = new PerformanceLedger(Capital);
        var trade = Trade("a", 1, Jan2.AddHours(10), Jan2.AddHours(11), 100);

        Assert.True(ledger.AddTrade(trade));
        Assert.False(ledger.AddTrade(trade));
        Assert.Equal(1, ledger.Report().Statistics.Trades);
    }

    [Fact]
    public void Synthetic_bars_widen_the_span_but_add_no_trading_day()
    {
        var ledger = new PerformanceLedger(Capital);
        ledger.ObserveBar(Jan2.AddHours(10), Jan2.AddHours(10).AddMinutes(5), traded: true);
        ledger.ObserveBar(Jan2.AddDays(4).AddHours(10), Jan2.AddDays(4).AddHours(10).AddMinutes(5), traded: false);
        var report = ledger.Report();

        Assert.Equal(1, report.Statistics.TradingDays);
        Assert.Equal(Jan2.AddDays(4).AddHours(10).AddMinutes(5), report.SimulationEnd);
    }
}
