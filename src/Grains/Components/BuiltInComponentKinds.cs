using AlgoSpace.Configuration;
using static AlgoSpace.Events.EventTypes;

namespace AlgoSpace.Components;

/// <summary>
/// The component kinds of component-contracts section 2, with the events each handles and publishes and the models
/// it needs. Settings are validated against these before the silo starts.
/// </summary>
public static class BuiltInComponentKinds
{
    public static IReadOnlyList<ComponentKindDescriptor> All { get; } =
    [
        Kind("backtest_data_handler", ComponentRole.DataHandler, ComponentMode.Backtest,
            consumes: [],
            produces: [NewTick, BacktestComplete, SystemError],
            "Replays a tick or OHLCV bar CSV as NEW_TICK events."),
        Kind("live_data_handler", ComponentRole.DataHandler, ComponentMode.Live,
            consumes: [],
            produces: [NewTick, ConnectionLost, ConnectionRestored, SystemError],
            "Receives ticks from a WebSocket feed as NEW_TICK events."),
        Kind("bar_generator", ComponentRole.Processor, ComponentMode.Any,
            consumes: [NewTick, BacktestComplete],
            produces: [New5MinBar, New30MinBar, SystemError],
            "Builds clock-aligned 5- and 30-minute bars from ticks."),
        Kind("indicator_engine", ComponentRole.Processor, ComponentMode.Any,
            consumes: [New5MinBar, New30MinBar],
            produces: [IndicatorsReady, SystemError],
            "Computes the feature store once per 5-minute bar."),
        Kind("matrix_assembler_30m", ComponentRole.Processor, ComponentMode.Any,
            consumes: [IndicatorsReady], produces: [SystemError],
            "Keeps the 48x8 structure matrix."),
        Kind("matrix_assembler_5m", ComponentRole.Processor, ComponentMode.Any,
            consumes: [IndicatorsReady], produces: [SystemError],
            "Keeps the 60x7 tactical matrix."),
        Kind("matrix_assembler_regime", ComponentRole.Processor, ComponentMode.Any,
            consumes: [IndicatorsReady], produces: [SystemError],
            "Keeps the 96x26 regime matrix."),
        Kind("synergy_detector", ComponentRole.Processor, ComponentMode.Any,
            consumes: [IndicatorsReady],
            produces: [SynergyDetected, SystemError],
            "Detects the four ordered three-signal patterns (gate 1)."),
        Kind("rde", ComponentRole.Processor, ComponentMode.Any,
            consumes: [],
            produces: [RiskBreach, SystemError],
            "Regime detection engine: answers GetRegimeVector calls.",
            models: ["rde"]),
        Kind("m_rms", ComponentRole.Processor, ComponentMode.Any,
            consumes: [TradeClosed, PositionUpdate],
            produces: [RiskBreach, SystemError],
            "Sizes and brackets qualified trades: answers GenerateRiskProposal calls.",
            models: ["mrms"]),
        Kind("main_marl_core", ComponentRole.Processor, ComponentMode.Any,
            consumes: [SynergyDetected, TradeClosed, PositionUpdate],
            produces: [ExecuteTrade, TradeRejected, PerformanceUpdate, SystemError],
            "Qualifies synergies with the shared policy and decision gate (gate 2).",
            models: ["structure_embedder", "tactical_embedder", "regime_embedder", "lvn_embedder", "shared_policy", "decision_gate"]),
        Kind("backtest_execution_handler", ComponentRole.ExecutionHandler, ComponentMode.Backtest,
            consumes: [ExecuteTrade, NewTick, New5MinBar],
            produces: [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, SystemError],
            "Simulates fills against the replayed ticks."),
        Kind("paper_execution_handler", ComponentRole.ExecutionHandler, ComponentMode.Live,
            consumes: [ExecuteTrade, NewTick, New5MinBar],
            produces: [OrderSubmitted, OrderFilled, OrderRejected, OrderCancelled, PositionUpdate, TradeClosed, RiskBreach, ConnectionLost, ConnectionRestored, SystemError],
            "Paper broker: fills against live ticks with the backtest fill model."),
        Kind("performance_tracker", ComponentRole.PerformanceTracker, ComponentMode.Any,
            consumes: [TradeClosed, New5MinBar],
            produces: [SystemError],
            "Keeps the trades, the equity curve and the run statistics; answers PerformanceReportRequest."),
    ];

    private static ComponentKindDescriptor Kind(
        string kind, ComponentRole role, ComponentMode modes, string[] consumes, string[] produces, string description, string[]? models = null) =>
        new(kind, role, modes, consumes.ToHashSet(StringComparer.Ordinal), produces.ToHashSet(StringComparer.Ordinal), models ?? [], description);
}
