namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// The saved Main MARL Core (component-contracts 2.7 state P): trading day, daily count, counters, account mirror,
/// and the execution ids decided on the trading day (null in a state saved before they were kept: then a trade closed
/// that day is never counted as one the core forgot).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MarlState(
    [property: Id(0)] DateOnly TradingDay,
    [property: Id(1)] int DailyTrades,
    [property: Id(2)] long Decisions,
    [property: Id(3)] long Executions,
    [property: Id(4)] long Rejections,
    [property: Id(5)] AccountLedgerState Ledger,
    [property: Id(6)] IReadOnlyList<string>? ExecutedToday = null);
