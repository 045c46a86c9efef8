using AlgoSpace.MarketData.Replay;
using AlgoSpace.Silo.Terminal;

namespace AlgoSpace.Tests.Terminal;

public sealed class RunFiguresViewTests
{
    private static readonly RunFigures Backtest = new("backtest-20240101T000000-42", "backtest", "ES-ticks.csv.gz", TimeSpan.FromSeconds(75))
    {
        Replay = new ReplayProgress(450, 1000, 123_456, new DateTime(2024, 1, 12, 13, 5, 0, DateTimeKind.Utc), Complete: false),
        Pace = (15_000, TimeSpan.FromSeconds(92)),
        Trading = new TradingFigures(3, -1234.5, 98_765.5, 1500, 1.5) { OpenPositions = 1, UnrealizedPnl = 62.5 },
        Components = 12,
        NotRunning = ["rde (Degraded)"],
        SystemState = "Degraded",
        Warnings = 2,
        Errors = 0,
        LogPath = "/tmp/output/backtest-20240101T000000-42/silo.log",
    };

    [Fact]
    public void A_backtest_shows_progress_the_trader_figures_health_and_the_log()
    {
        var text = RunFiguresView.Render(Backtest, 140, ansi: false);

        Assert.Contains("AlgoSpace · backtest-20240101T000000-42 · backtest of ES-ticks.csv.gz", text, StringComparison.Ordinal);
        Assert.Contains("45.0 %  sim 2024-01-12 13:05  123,456 ticks  15,000 ticks/s  ETA 1:32  elapsed 1:15", text, StringComparison.Ordinal);
        Assert.Contains("Trades 3  Net P&L -1,234.50  Equity 98,765.50  Max drawdown 1,500.00 (1.50 %)  Open 1 (62.50 unrealized)", text, StringComparison.Ordinal);
        Assert.Contains("System Degraded  Components 11 running, not running: rde (Degraded)  Warnings 2  Errors 0", text, StringComparison.Ordinal);
        Assert.Contains("Log /tmp/output/backtest-20240101T000000-42/silo.log", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(200)]
    public void No_line_is_wider_than_the_terminal(int width)
    {
        var lines = RunFiguresView.Render(Backtest, width, ansi: false).TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length); // border, progress, trading, health, log, border
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
    }

    [Fact]
    public void Live_mode_shows_the_feed_instead_of_the_file()
    {
        var live = Backtest with
        {
            Mode = "live",
            Source = "127.0.0.1:8765",
            Replay = null,
            Feed = FeedFigures.Parse("state=connected url=ws://127.0.0.1:8765/ticks received=10 published=9 duplicates=0 gaps=1 missed=0 rejected=0 malformed=0 ignored=0 reconnects=2 last_id=9 last_tick=2024-01-02T14:30:00.250 last_message_age_ms=1500 latency_p50_us=80 latency_p99_us=950"),
        };

        var text = RunFiguresView.Render(live, 160, ansi: false);

        Assert.Contains("live of 127.0.0.1:8765", text, StringComparison.Ordinal);
        Assert.Contains("Feed connected  9 ticks  last tick 2024-01-02 14:30 (1.5 s ago)  lag p99 950 us  gaps 1  reconnects 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ETA", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tracker_statistics_answer_is_read_into_figures()
    {
        var figures = TradingFigures.Parse("trades=6 wins=2 losses=4 net=-5620.00 maxDrawdown=6222.50 maxDrawdownPct=6.22 equity=94380.00");

        Assert.Equal(new TradingFigures(6, -5620, 94380, 6222.5, 6.22), figures);
        Assert.Null(TradingFigures.Parse(""));
    }
}
