namespace AlgoSpace.Grains.Interfaces.Operator;

/// <summary>
/// The execution handler's book as an operator sees it: open positions, working orders and the day's P&amp;L.
/// Prices are the last seen; P&amp;L is in the account currency (USD).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AccountView(
    [property: Id(0)] string Component,
    [property: Id(1)] IReadOnlyList<PositionView> Positions,
    [property: Id(2)] IReadOnlyList<OrderView> Orders,
    [property: Id(3)] double Equity,
    [property: Id(4)] double RealizedPnlToday,
    [property: Id(5)] double UnrealizedPnl,
    [property: Id(6)] int TradesToday,
    [property: Id(7)] string Venue);

/// <summary>An open position (one trade's filled entry), signed quantity: + long, − short.</summary>
[GenerateSerializer, Immutable]
public sealed record PositionView(
    [property: Id(0)] string ExecutionId,
    [property: Id(1)] string Symbol,
    [property: Id(2)] int Quantity,
    [property: Id(3)] double EntryPrice,
    [property: Id(4)] double LastPrice,
    [property: Id(5)] double UnrealizedPnl,
    [property: Id(6)] double? StopLoss,
    [property: Id(7)] double? TakeProfit,
    [property: Id(8)] DateTime OpenedAt);

/// <summary>A working order: not yet filled, cancelled, rejected or expired.</summary>
[GenerateSerializer, Immutable]
public sealed record OrderView(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ExecutionId,
    [property: Id(2)] string Symbol,
    [property: Id(3)] string Side,
    [property: Id(4)] string Type,
    [property: Id(5)] string Role,
    [property: Id(6)] int Quantity,
    [property: Id(7)] double? Price,
    [property: Id(8)] string Status,
    [property: Id(9)] DateTime CreatedAt);
