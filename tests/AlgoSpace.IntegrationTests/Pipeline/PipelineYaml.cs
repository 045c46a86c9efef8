using AlgoSpace.MarketData.Sample;
using AlgoSpace.Tests.Support;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// A backtest of the real data handler, bar generator and execution handler, with the test_trader kind standing in
/// for the decision chain (EXECUTE_TRADE every few 5-minute bars) and a test_event_log recording what the
/// execution handler publishes (and the bars and trade commands), for parity between runners and settings. The
/// trader also takes POSITION_UPDATE, the answer to its own EXECUTE_TRADE, as the decision chain does: a cycle that
/// the bus must let in while the trader still awaits its publish.
/// </summary>
public static class PipelineYaml
{
    public static string System(string journal, int tickBatchSize = 1000, string transport = "broadcast", string file = "../data/generated.csv") => new TestSettings
    {
        ShutdownTimeout = 30,
        LogLevel = "WARNING",
        Symbols = "[ES]",
        EventBus = TestSettings.Bus(transport, $"tick_batch_size: {tickBatchSize}"),
        DataHandler = $"backtest_file: {file}\nlog_every: 1000000",
        MaxDailyLoss = 1_000_000,
        Components = $$"""
            - name: data_handler
              type: backtest_data_handler
              mode: backtest
              critical: true
              publishes: [NEW_TICK, BACKTEST_COMPLETE]
            - name: bar_generator
              type: bar_generator
              critical: true
              subscribes: [NEW_TICK, BACKTEST_COMPLETE]
              publishes: [NEW_5MIN_BAR, NEW_30MIN_BAR]
            - name: trader
              type: test_trader
              subscribes: [NEW_5MIN_BAR, POSITION_UPDATE]
              publishes: [EXECUTE_TRADE]
              parameters: { every: "2", points: "2" }
            - name: execution_handler
              type: backtest_execution_handler
              mode: backtest
              critical: true
              subscribes: [EXECUTE_TRADE, NEW_TICK, NEW_5MIN_BAR]
              publishes: [ORDER_SUBMITTED, ORDER_FILLED, ORDER_REJECTED, ORDER_CANCELLED, POSITION_UPDATE, TRADE_CLOSED, RISK_BREACH]
            - name: event_log
              type: test_event_log
              subscribes: [NEW_5MIN_BAR, NEW_30MIN_BAR, EXECUTE_TRADE, ORDER_SUBMITTED, ORDER_FILLED, ORDER_REJECTED, ORDER_CANCELLED, POSITION_UPDATE, TRADE_CLOSED, RISK_BREACH]
              parameters: { journal: "{{journal}}" }
            """,
    }.Build();

    /// <summary>A fresh project tree with a generated tick file (deterministic: seed 7).</summary>
    public static string TreeWithTicks(int days = 2, int ticksPerDay = 6_000)
    {
        var root = Directory.CreateTempSubdirectory("algospace-pipeline-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data"));
        new SampleTickGenerator(new SampleTickOptions { Seed = 7, Days = days, TicksPerDay = ticksPerDay }).WriteCsv(Path.Combine(root, "data", "generated.csv"));
        return root;
    }
}
