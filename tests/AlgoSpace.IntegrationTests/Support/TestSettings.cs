using System.Text;

namespace AlgoSpace.Tests.Support;

/// <summary>
/// The settings file a cluster test runs: the sections every such test needs (system, models, data handler, risk,
/// execution, persistence, telemetry) with the values the tests share, and init properties for the parts a test
/// varies. Tests used to paste these 25 lines each; one builder keeps them from drifting apart.
/// </summary>
/// <remarks>
/// Multi-line parts (<see cref="EventBus"/>, <see cref="DataHandler"/>, <see cref="Components"/>) are written as
/// they would sit at column 0 under their key; <see cref="Build"/> indents them.
/// </remarks>
public sealed record TestSettings
{
    /// <summary>The events the test components exchange (custom_events).</summary>
    public const string TestEventTypes = "[TEST_NUMBER, TEST_ECHO, TEST_REPLY]";

    /// <summary>The backtest data handler and execution handler, as the client and report tests wire them.</summary>
    public const string BacktestHandlers = """
        - name: data_handler
          type: backtest_data_handler
          mode: backtest
          critical: true
          publishes: [NEW_TICK, BACKTEST_COMPLETE, SYSTEM_ERROR]
        - name: execution_handler
          type: backtest_execution_handler
          mode: backtest
          critical: true
          subscribes: [NEW_TICK]
          publishes: [ORDER_SUBMITTED, ORDER_FILLED, ORDER_REJECTED, ORDER_CANCELLED, POSITION_UPDATE, TRADE_CLOSED, RISK_BREACH]
        """;

    public string Mode { get; init; } = "backtest";
    public int ShutdownTimeout { get; init; } = 20;
    /// <summary>system.log_level; absent when null.</summary>
    public string? LogLevel { get; init; }
    /// <summary>The symbols list, for example "[ES]"; absent when null.</summary>
    public string? Symbols { get; init; }
    /// <summary>The lines under event_bus; no event_bus section when null.</summary>
    public string? EventBus { get; init; }
    /// <summary>The lines under data_handler.</summary>
    public string DataHandler { get; init; } = "backtest_file: ../data/ticks.csv";
    public int MaxDailyLoss { get; init; } = 5000;
    /// <summary>A recovery section with millisecond delays, so that retries do not slow the test.</summary>
    public bool FastRecovery { get; init; }
    public string Persistence { get; init; } = "memory";
    /// <summary>custom_events; absent when null.</summary>
    public string? CustomEvents { get; init; }
    /// <summary>Top-level lines written as given just before components.</summary>
    public string Extra { get; init; } = "";
    /// <summary>The entries under components.</summary>
    public required string Components { get; init; }

    /// <summary>Backtest file, and a live feed nobody listens on (port 9) whose API key comes from the variable.</summary>
    public static string UnreachableLiveFeed(string apiKeyVariable) => $$"""
        backtest_file: ../data/ticks.csv
        live:
          url: ws://127.0.0.1:9/ticks
          api_key: ${env:{{apiKeyVariable}}}
        """;

    /// <summary>An event bus section: the transport and one more key, for example "max_queue_size: 100".</summary>
    public static string Bus(string transport, string setting) => $"transport: {transport}\n{setting}";

    /// <summary>The settings file as YAML.</summary>
    public string Build()
    {
        var yaml = new StringBuilder();
        yaml.Append("system:\n").Append($"  mode: {Mode}\n").Append($"  shutdown_timeout: {ShutdownTimeout}\n");
        if (LogLevel is not null) yaml.Append($"  log_level: {LogLevel}\n");
        if (Symbols is not null) yaml.Append($"symbols: {Symbols}\n");
        if (EventBus is not null) Section(yaml, "event_bus", EventBus);
        yaml.Append("models: {}\n");
        Section(yaml, "data_handler", DataHandler);
        yaml.Append("risk_management:\n").Append($"  max_daily_loss: {MaxDailyLoss}\n");
        yaml.Append("execution: {}\n");
        if (FastRecovery) Section(yaml, "recovery", "max_attempts: 3\ninitial_delay_ms: 1\nmax_delay_ms: 20\ntimeout: 10");
        yaml.Append("persistence:\n").Append($"  provider: {Persistence}\n");
        yaml.Append("telemetry:\n  enabled: false\n");
        if (CustomEvents is not null) yaml.Append($"custom_events: {CustomEvents}\n");
        if (Extra.Length > 0) yaml.Append(Extra).Append('\n');
        Section(yaml, "components", Components);
        return yaml.ToString();
    }

    public override string ToString() => Build();

    private static void Section(StringBuilder yaml, string key, string body)
    {
        yaml.Append(key).Append(":\n");
        foreach (var line in body.Split('\n')) yaml.Append("  ").Append(line).Append('\n');
    }
}
