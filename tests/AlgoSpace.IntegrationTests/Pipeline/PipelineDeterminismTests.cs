using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.TestComponents;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// The backtest pipeline that exists today (data handler → bar generator → a test decision maker in place of the
/// indicator-to-MARL chain → the real backtest execution handler), run with the default job's settings on a slice
/// of the sample ticks: every ORDER_*, POSITION_UPDATE, TRADE_CLOSED and RISK_BREACH is the same, byte for byte, on
/// every run and with 1 or 2 silos; and the ordering rules of docs/architecture.md hold.
/// Transport: broadcast only. The stream transport acknowledges a send when it is queued, not handled, so it is not
/// lockstep yet (being changed elsewhere); its cases join the theories when it is.
/// </summary>
public sealed class PipelineDeterminismTests
{
    private static string Components(string journal, int every, string execution = "backtest_execution_handler") => $$"""
          - name: data_handler
            type: backtest_data_handler
            mode: backtest
            critical: true
            publishes: [NEW_TICK, BACKTEST_COMPLETE, SYSTEM_ERROR]
          - name: bar_generator
            type: bar_generator
            critical: true
            subscribes: [NEW_TICK, BACKTEST_COMPLETE]
            publishes: [NEW_5MIN_BAR, NEW_30MIN_BAR]
          - name: trader
            type: test_bar_trader
            subscribes: [NEW_5MIN_BAR, NEW_30MIN_BAR]
            publishes: [EXECUTE_TRADE]
            parameters: { every: "{{every}}", journal: "{{journal}}" }
          - name: execution_handler
            type: {{execution}}
            mode: backtest
            critical: true
            subscribes: [EXECUTE_TRADE, NEW_TICK, NEW_5MIN_BAR]
            publishes: [ORDER_SUBMITTED, ORDER_FILLED, ORDER_REJECTED, ORDER_CANCELLED, POSITION_UPDATE, TRADE_CLOSED, RISK_BREACH]
            parameters: { journal: "{{journal}}" }
          - name: {{PipelineRun.Recorder}}
            type: test_event_recorder
            subscribes: [ORDER_SUBMITTED, ORDER_FILLED, ORDER_REJECTED, ORDER_CANCELLED, POSITION_UPDATE, TRADE_CLOSED, RISK_BREACH]
        """;

    [Fact]
    public async Task The_same_data_and_settings_give_identical_order_and_trade_events_on_every_run_with_one_or_two_silos()
    {
        // 3,000 sample ticks (2 Jan 2024 from 09:30, about 40 minutes); a trade every second 5-minute bar.
        var data = PipelineRun.SampleSlice(3_000);
        var yaml = PipelineRun.DefaultSettings("../data/slice.csv", Components("determinism", every: 2));

        var first = await PipelineRun.RunAsync(yaml, "slice.csv", data, new ClusterShape(1));
        var again = await PipelineRun.RunAsync(yaml, "slice.csv", data, new ClusterShape(1));
        var twoSilos = await PipelineRun.RunAsync(yaml, "slice.csv", data, new ClusterShape(2));

        Assert.Equal(SystemState.Stopped, first.FinalState);
        Assert.Contains(first.Events, e => e.StartsWith("ORDER_FILLED|", StringComparison.Ordinal));
        Assert.Contains(first.Events, e => e.StartsWith("TRADE_CLOSED|", StringComparison.Ordinal));
        Assert.Equal(first.Events, again.Events);
        Assert.Equal(first.Events, twoSilos.Events);
    }

    /// <summary>
    /// Hand-made ticks every 2 minutes from 09:30 (prices in the file below). The 09:30-09:35 bar closes when the
    /// 09:36 tick reaches the bar generator; the trader decides at the bar's close time 09:35 (long, entry 4750.50 =
    /// the bar's close), and only then does the execution handler see the 09:36 tick, on which the entry fills:
    /// 4751.00 + 1 tick slippage = 4751.25. The 09:35-09:40 bar closes on the 09:40 tick: short, filled on that
    /// tick at 4751.50 − 0.25 = 4751.25.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_bar_closes_before_the_next_bars_ticks_are_traded_and_an_entry_fills_on_the_next_tick(int silos)
    {
        var journal = $"ordering-{silos}-{Guid.NewGuid():N}";
        const string data = """
            timestamp,price,volume
            2024-01-02T09:30:00.000,4750.00,1
            2024-01-02T09:32:00.000,4750.25,1
            2024-01-02T09:34:00.000,4750.50,1
            2024-01-02T09:36:00.000,4751.00,1
            2024-01-02T09:38:00.000,4751.25,1
            2024-01-02T09:40:00.000,4751.50,1
            2024-01-02T09:42:00.000,4751.00,1
            2024-01-02T09:44:00.000,4750.75,1

            """;
        var yaml = PipelineRun.DefaultSettings("../data/ticks-2min.csv", Components(journal, every: 1, execution: "test_journaled_execution"),
            execution: "  slippage_ticks: 1\n  commission_per_contract: 2.5\n  fill_probability: 1.0\n  force_flat_eod: true\n  session_close: \"16:00\"");

        var outputs = await PipelineRun.RunAsync(yaml, "ticks-2min.csv", data, new ClusterShape(silos));
        var entries = TestJournal.Read(journal).ToList();

        Assert.Equal(SystemState.Stopped, outputs.FinalState);
        string Tick(string time) => $"execution_handler:handle NEW_TICK:2024-01-02T{time}.0000000";
        var decisions = entries.Select((e, i) => (e, i)).Where(x => x.e.StartsWith("trader:EXECUTE_TRADE:", StringComparison.Ordinal)).ToList();
        // The third bar (09:40-09:45) is closed by the flush at BACKTEST_COMPLETE: its decision has no next tick to fill on.
        Assert.Equal(["trader:EXECUTE_TRADE:2024-01-02T09:35:00.0000000", "trader:EXECUTE_TRADE:2024-01-02T09:40:00.0000000",
            "trader:EXECUTE_TRADE:2024-01-02T09:45:00.0000000"], decisions.Select(d => d.e));

        // Before each decision the execution handler has seen only ticks of the closed bar; right after it (its
        // EXECUTE_TRADE, orders and the bar itself) the next tick, whose time is the entry fill's.
        foreach (var (decision, index, fillTick) in new[] { (decisions[0].e, decisions[0].i, "09:36:00"), (decisions[1].e, decisions[1].i, "09:40:00") })
        {
            var closeTime = DateTime.Parse(decision["trader:EXECUTE_TRADE:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var ticksBefore = entries.Take(index).Where(e => e.StartsWith("execution_handler:handle NEW_TICK:", StringComparison.Ordinal))
                .Select(e => DateTime.Parse(e["execution_handler:handle NEW_TICK:".Length..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(ticksBefore, t => Assert.True(t < closeTime, $"tick {t:O} was traded before the decision at {closeTime:O}"));
            var nextTick = entries.Skip(index).First(e => e.StartsWith("execution_handler:handle NEW_TICK:", StringComparison.Ordinal));
            Assert.Equal(Tick(fillTick), nextTick);
            var fill = entries.Skip(index).First(e => e.StartsWith("execution_handler:publish ORDER_FILLED:", StringComparison.Ordinal));
            Assert.Equal($"execution_handler:publish ORDER_FILLED:2024-01-02T{fillTick}.0000000", fill);
            Assert.Equal(entries.IndexOf(nextTick, index) + 1, entries.IndexOf(fill, index));
        }

        var fills = outputs.Events.Where(e => e.StartsWith("ORDER_FILLED|", StringComparison.Ordinal)).ToList();
        Assert.Contains("\"Price\":4751.25", fills[0]);
        Assert.Contains("\"Role\":\"ENTRY\"", fills[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"Price\":4751.25", fills[1]);
    }
}
