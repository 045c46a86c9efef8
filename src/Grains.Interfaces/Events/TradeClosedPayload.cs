namespace AlgoSpace.Grains.Interfaces.Events;

// TRADE_CLOSED (component-contracts 2.9): one finished trade, consumed by the Main MARL Core, the M-RMS and the
// kernel. Prices and distances are in points, money in USD, times in simulation time.

/// <summary>TRADE_CLOSED: a trade's position went flat.</summary>
/// <param name="Direction">+1 long, -1 short.</param>
[GenerateSerializer, Immutable]
public sealed record TradeClosedPayload(
    [property: Id(0)] string ExecutionId,
    [property: Id(1)] string Symbol,
    [property: Id(2)] int Direction,
    [property: Id(3)] TradeEntry Entry,
    [property: Id(4)] TradeExit Exit,
    [property: Id(5)] TradePerformance Performance,
    [property: Id(6)] ExecutionQuality ExecutionQuality,
    [property: Id(7)] TradeResult TradeResult) : EventPayload, IInstrumentPayload;

/// <summary>The entry fill.</summary>
/// <param name="Slippage">Points worse than the tick the order filled on.</param>
[GenerateSerializer, Immutable]
public sealed record TradeEntry(
    [property: Id(0)] double Price,
    [property: Id(1)] int Quantity,
    [property: Id(2)] DateTime Timestamp,
    [property: Id(3)] double Slippage);

/// <summary>The exit fill.</summary>
/// <param name="Reason">STOP_LOSS, TAKE_PROFIT, TIME_STOP, EOD_FLAT, EMERGENCY or SHUTDOWN.</param>
[GenerateSerializer, Immutable]
public sealed record TradeExit(
    [property: Id(0)] double Price,
    [property: Id(1)] int Quantity,
    [property: Id(2)] DateTime Timestamp,
    [property: Id(3)] string Reason);

/// <summary>What the trade earned.</summary>
/// <param name="Pnl">Gross USD: pnl_points · quantity · point value.</param>
/// <param name="PnlPoints">(exit − entry) · direction.</param>
/// <param name="PnlPercent">100 · pnl_points / entry.</param>
/// <param name="CommissionPaid">USD for both sides.</param>
/// <param name="NetPnl">Pnl − CommissionPaid.</param>
/// <param name="BarsHeld">5-minute bars that closed while the position was open.</param>
/// <param name="MaxFavorable">Largest open profit seen, in points (0 or more), from the ticks while open.</param>
/// <param name="MaxAdverse">Largest open loss seen, in points (0 or more).</param>
[GenerateSerializer, Immutable]
public sealed record TradePerformance(
    [property: Id(0)] double Pnl,
    [property: Id(1)] double PnlPoints,
    [property: Id(2)] double PnlPercent,
    [property: Id(3)] double CommissionPaid,
    [property: Id(4)] double NetPnl,
    [property: Id(5)] int BarsHeld,
    [property: Id(6)] double MaxFavorable,
    [property: Id(7)] double MaxAdverse);

/// <summary>How well the orders were filled.</summary>
/// <param name="FillTimeMs">Simulation milliseconds from the decision to the entry fill.</param>
[GenerateSerializer, Immutable]
public sealed record ExecutionQuality(
    [property: Id(0)] double EntrySlippage,
    [property: Id(1)] double ExitSlippage,
    [property: Id(2)] double FillTimeMs);

/// <summary>The outcome as the learning components read it.</summary>
/// <param name="Outcome">WIN (net &gt; 0), LOSS (net &lt; 0) or BREAKEVEN.</param>
/// <param name="DurationSeconds">Simulation seconds from entry fill to exit fill.</param>
/// <param name="SlDistance">|planned entry − stop loss| in points, as the risk proposal sized it.</param>
/// <param name="TpDistance">|take profit − planned entry| in points.</param>
[GenerateSerializer, Immutable]
public sealed record TradeResult(
    [property: Id(0)] string Outcome,
    [property: Id(1)] double NetPnl,
    [property: Id(2)] double DurationSeconds,
    [property: Id(3)] string ExitReason,
    [property: Id(4)] bool HitStop,
    [property: Id(5)] bool HitTarget,
    [property: Id(6)] int PositionSize,
    [property: Id(7)] double SlDistance,
    [property: Id(8)] double TpDistance);
