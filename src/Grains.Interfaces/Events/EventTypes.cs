namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>The event types of the platform (component-contracts section 1), as they are written in settings.yaml.</summary>
public static class EventTypes
{
    public const string NewTick = "NEW_TICK";
    public const string New5MinBar = "NEW_5MIN_BAR";
    public const string New30MinBar = "NEW_30MIN_BAR";
    public const string IndicatorsReady = "INDICATORS_READY";
    public const string SynergyDetected = "SYNERGY_DETECTED";
    public const string ExecuteTrade = "EXECUTE_TRADE";
    public const string TradeRejected = "TRADE_REJECTED";
    public const string OrderSubmitted = "ORDER_SUBMITTED";
    public const string OrderFilled = "ORDER_FILLED";
    public const string OrderRejected = "ORDER_REJECTED";
    public const string OrderCancelled = "ORDER_CANCELLED";
    public const string PositionUpdate = "POSITION_UPDATE";
    public const string TradeClosed = "TRADE_CLOSED";
    public const string PerformanceUpdate = "PERFORMANCE_UPDATE";
    public const string RiskBreach = "RISK_BREACH";
    public const string BacktestComplete = "BACKTEST_COMPLETE";
    public const string ConnectionLost = "CONNECTION_LOST";
    public const string ConnectionRestored = "CONNECTION_RESTORED";
    public const string SystemError = "SYSTEM_ERROR";
    public const string ShutdownRequest = "SHUTDOWN_REQUEST";
    public const string SystemStart = "SYSTEM_START";
    public const string SystemShutdown = "SYSTEM_SHUTDOWN";
    public const string ComponentStarted = "COMPONENT_STARTED";
    public const string ComponentStopped = "COMPONENT_STOPPED";
}
