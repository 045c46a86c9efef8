using AlgoSpace.Grains.Components.Performance;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Reporting;
using static AlgoSpace.Tests.Components.Performance.TradeFactory;

namespace AlgoSpace.Tests.Components.Performance;

/// <summary>
/// The report files of the two-trade example (TradeFactory.TwoTrades, 100000 USD capital, no bars: the span runs
/// from the first entry, Jan 2 10:00, to the last exit, Jan 3 12:00, 26 h).
/// </summary>
public sealed class ReportWriterTests
{
    private static PerformanceReportReply TwoTradeReport()
    {
        var ledger = new PerformanceLedger(100_000);
        foreach (var trade in TwoTrades()) ledger.AddTrade(trade);
        return ledger.Report();
    }

    private static RunReport Report(RunTiming? timing = null) => new(
        "backtest", 42, "ticks.csv", true, 100_000, "performance_tracker", null, TwoTradeReport(), new InputSummary(10, 9, 1),
        new Dictionary<string, long> { ["TRADE_CLOSED"] = 2, ["NEW_TICK"] = 18 },
        timing ?? new RunTiming("backtest-20240101T000000-42", new DateTime(2024, 1, 5, 8, 0, 0), new DateTime(2024, 1, 5, 8, 0, 2, 500), TimeSpan.FromSeconds(2.5), 9));

    [Fact]
    public void Trades_csv_has_one_row_per_trade_in_fixed_columns_and_formats()
    {
        // pnl_points: (4770.1 - 4750) * 1 = 20.1; (4789.9 - 4780) * -1 = -9.9. Gross = net + 5 commission.
        const string expected = """
            execution_id,symbol,direction,quantity,entry_time,entry_price,exit_time,exit_price,exit_reason,pnl_points,gross_pnl,commission,net_pnl,bars_held,max_favorable,max_adverse,duration_seconds,outcome
            exec-1,ES,long,1,2024-01-02T10:00:00.000,4750,2024-01-02T11:00:00.000,4770.1,TAKE_PROFIT,20.1,1005.00,5.00,1000.00,12,12.5,3.25,3600.000,WIN
            exec-2,ES,short,1,2024-01-03T10:00:00.000,4780,2024-01-03T12:00:00.000,4789.9,TAKE_PROFIT,-9.9,-495.00,5.00,-500.00,12,12.5,3.25,7200.000,LOSS

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), TradesCsvWriter.Write(TwoTrades()));
    }

    [Fact]
    public void Equity_csv_has_a_point_at_the_start_and_at_each_exit_with_the_drawdown_from_the_peak()
    {
        // 100000 at the first entry; 101000 after +1000; 100500 after -500: 500 below the 101000 peak = 0.4950 %.
        const string expected = """
            time,equity,drawdown,drawdown_percent
            2024-01-02T10:00:00.000,100000.00,0.00,0.0000
            2024-01-02T11:00:00.000,101000.00,0.00,0.0000
            2024-01-03T12:00:00.000,100500.00,500.00,0.4950

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), EquityCsvWriter.Write(TwoTradeReport().Equity));
    }

    [Fact]
    public void Report_json_lists_the_deterministic_fields_first_and_timing_last()
    {
        // Daily returns: Jan 2 101000/100000-1 = 0.01, Jan 3 100500/101000-1 = -0.0049505; mean 0.00252475,
        // sample sd 0.0105716: Sharpe 0.00252475/0.0105716*sqrt(252) = 3.7912; downside deviation
        // sqrt(0.0049505^2/2) = 0.0035005: Sortino 11.4495. Exposure (1 h + 2 h) / 26 h = 0.1154. Longest
        // drawdown from the peak at Jan 2 11:00 to the end at Jan 3 12:00 = 25 h = 90000 s. 9 ticks / 2.5 s = 3.6/s.
        const string expected = """
            {
              "report_version": 1,
              "mode": "backtest",
              "run_seed": 42,
              "data_file": "ticks.csv",
              "complete": true,
              "initial_capital": 100000.00,
              "performance_tracker": {
                "name": "performance_tracker",
                "present": true,
                "note": null
              },
              "simulation": {
                "start": "2024-01-02T10:00:00.000",
                "end": "2024-01-03T12:00:00.000"
              },
              "statistics": {
                "trades": 2,
                "wins": 1,
                "losses": 1,
                "breakeven": 0,
                "net_pnl": 500.00,
                "gross_profit": 1000.00,
                "gross_loss": 500.00,
                "commission": 10.00,
                "win_rate": 0.5000,
                "profit_factor": 2.0000,
                "average_trade": 250.00,
                "sharpe": 3.7912,
                "sortino": 11.4495,
                "ratio_basis": "daily returns of end-of-day realized equity by simulation date, annualised by sqrt(252)",
                "max_drawdown": 500.00,
                "max_drawdown_percent": 0.4950,
                "longest_drawdown_seconds": 90000.000,
                "exposure": 0.1154,
                "trading_days": 2,
                "final_equity": 100500.00
              },
              "input": {
                "rows": 10,
                "ticks": 9,
                "rejected_rows": 1
              },
              "events_handled": {
                "NEW_TICK": 18,
                "TRADE_CLOSED": 2
              },
              "files": {
                "trades": "trades.csv",
                "equity": "equity.csv",
                "report": "report.json",
                "chart": "equity.svg"
              },
              "timing": {
                "run_id": "backtest-20240101T000000-42",
                "started_utc": "2024-01-05T08:00:00.000Z",
                "finished_utc": "2024-01-05T08:00:02.500Z",
                "run_time_seconds": 2.500,
                "ticks_per_second": 3.60
              }
            }

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), ReportJsonWriter.Write(Report()));
    }

    [Fact]
    public void Report_json_without_a_tracker_says_why_and_has_null_statistics()
    {
        var report = Report() with { Tracker = null, TrackerNote = "no performance_tracker component is configured", Performance = null };

        var json = System.Text.Json.JsonDocument.Parse(ReportJsonWriter.Write(report)).RootElement;

        Assert.False(json.GetProperty("performance_tracker").GetProperty("present").GetBoolean());
        Assert.Equal("no performance_tracker component is configured", json.GetProperty("performance_tracker").GetProperty("note").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("statistics").ValueKind);
        Assert.Equal(9, json.GetProperty("input").GetProperty("ticks").GetInt64());
    }

    [Fact]
    public void An_infinite_profit_factor_is_written_as_inf()
    {
        var ledger = new PerformanceLedger(100_000);
        ledger.AddTrade(TwoTrades()[0]);
        var report = Report() with { Performance = ledger.Report() };

        var json = System.Text.Json.JsonDocument.Parse(ReportJsonWriter.Write(report)).RootElement;

        Assert.Equal("inf", json.GetProperty("statistics").GetProperty("profit_factor").GetString());
    }

    [Fact]
    public void Equity_svg_draws_the_curve_and_the_drawdown_as_steps_on_one_time_axis()
    {
        // x = 90 + (t - Jan 2 10:00) / 26 h * 690: 90, 116.5 (11:00), 780 (Jan 3 12:00); time labels every 6.5 h.
        // Equity y = 290 - (e - 100000) / 1000 * 240: 290, 50, 170. Drawdown y = 320 + d / 500 * 120: 320, 440.
        const string expected = """
            <svg xmlns="http://www.w3.org/2000/svg" width="800" height="480" viewBox="0 0 800 480" font-family="sans-serif" font-size="11">
            <rect width="100%" height="100%" fill="white"/>
            <text x="435" y="25" text-anchor="middle" font-size="14">Equity and drawdown, run r1</text>
            <rect x="90" y="50" width="690" height="240" fill="none" stroke="#999"/>
            <rect x="90" y="320" width="690" height="120" fill="none" stroke="#999"/>
            <text x="84" y="54" text-anchor="end">101000.00</text>
            <text x="84" y="294" text-anchor="end">100000.00</text>
            <text x="84" y="324" text-anchor="end">0.00</text>
            <text x="84" y="444" text-anchor="end">-500.00</text>
            <text x="90" y="44">Equity (USD)</text>
            <text x="90" y="314">Drawdown (USD)</text>
            <line x1="90" y1="440" x2="90" y2="444" stroke="#999"/>
            <text x="90" y="460" text-anchor="middle">01-02 10:00</text>
            <line x1="262.5" y1="440" x2="262.5" y2="444" stroke="#999"/>
            <text x="262.5" y="460" text-anchor="middle">01-02 16:30</text>
            <line x1="435" y1="440" x2="435" y2="444" stroke="#999"/>
            <text x="435" y="460" text-anchor="middle">01-02 23:00</text>
            <line x1="607.5" y1="440" x2="607.5" y2="444" stroke="#999"/>
            <text x="607.5" y="460" text-anchor="middle">01-03 05:30</text>
            <line x1="780" y1="440" x2="780" y2="444" stroke="#999"/>
            <text x="780" y="460" text-anchor="middle">01-03 12:00</text>
            <polygon points="90,320 90,320 116.5,320 116.5,320 780,320 780,440 780,320" fill="#e06666" fill-opacity="0.6" stroke="#cc0000"/>
            <polyline points="90,290 116.5,290 116.5,50 780,50 780,170" fill="none" stroke="#1f5fbf" stroke-width="1.5"/>
            </svg>

            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), EquitySvgWriter.Write(TwoTradeReport().Equity, "Equity and drawdown, run r1"));
    }

    [Fact]
    public void The_same_report_gives_the_same_bytes_and_report_json_differs_only_in_timing()
    {
        var root = Directory.CreateTempSubdirectory("algospace-report-").FullName;
        try
        {
            var first = RunFolderWriter.Write(Path.Combine(root, "a"), Report());
            var second = RunFolderWriter.Write(Path.Combine(root, "b"), Report());
            foreach (var (_, file) in RunFolderWriter.Files)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
            }

            var other = Report(new RunTiming("backtest-20250101T000000-42", DateTime.UnixEpoch, DateTime.UnixEpoch.AddSeconds(9), TimeSpan.FromSeconds(9), 9));
            Assert.Equal(WithoutTiming(ReportJsonWriter.Write(Report())), WithoutTiming(ReportJsonWriter.Write(other)));
            Assert.NotEqual(ReportJsonWriter.Write(Report()), ReportJsonWriter.Write(other));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        static string WithoutTiming(string json) => json[..json.IndexOf("\"timing\"", StringComparison.Ordinal)];
    }
}
