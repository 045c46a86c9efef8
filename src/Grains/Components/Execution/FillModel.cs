namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// How the backtest fills orders against ticks (component-contracts 2.9): market and stop orders fill at the tick
/// price moved <c>slippage_ticks</c> ticks against the trade; a limit fills at its own price once a tick touches
/// it; a sell stop (protecting a long) triggers at a tick at or below the stop, a buy stop (protecting a short)
/// at or above it; commission is charged per contract on each side.
/// </summary>
public sealed class FillModel(int slippageTicks, double commissionPerContract)
{
    public int SlippageTicks { get; } = slippageTicks;
    public double CommissionPerContract { get; } = commissionPerContract;

    /// <summary>Points a market or stop fill is worse than the tick.</summary>
    public double Slippage(Instrument instrument) => SlippageTicks * instrument.TickSize;

    /// <summary>A market or stop fill: a buy pays more, a sell receives less.</summary>
    public double MarketFillPrice(double tickPrice, int side, Instrument instrument) => tickPrice + (side * Slippage(instrument));

    /// <summary>Whether <paramref name="tickPrice"/> triggers a stop of the given side at <paramref name="stopPrice"/>.</summary>
    public static bool StopTriggered(int side, double stopPrice, double tickPrice) => side < 0 ? tickPrice <= stopPrice : tickPrice >= stopPrice;

    /// <summary>Whether <paramref name="tickPrice"/> touches a limit of the given side at <paramref name="limitPrice"/>.</summary>
    public static bool LimitTouched(int side, double limitPrice, double tickPrice) => side < 0 ? tickPrice >= limitPrice : tickPrice <= limitPrice;

    public double Commission(int quantity) => quantity * CommissionPerContract;

    /// <summary>
    /// Whether a working exit order fills at <paramref name="tickPrice"/>, and at what price, slippage and exit
    /// reason; the reason is null when it does not fill. A pending market exit carries its own reason (a time stop
    /// when it has none).
    /// </summary>
    internal (double Price, double Slippage, string? Reason) ExitFill(Order order, double tickPrice, Instrument instrument) => order.Type switch
    {
        OrderType.Market => (MarketFillPrice(tickPrice, order.Side, instrument), Slippage(instrument), order.ExitReason ?? ExitReasons.TimeStop),
        OrderType.Stop when StopTriggered(order.Side, order.Price!.Value, tickPrice) =>
            (MarketFillPrice(tickPrice, order.Side, instrument), Slippage(instrument), ExitReasons.StopLoss),
        OrderType.Limit when LimitTouched(order.Side, order.Price!.Value, tickPrice) => (order.Price.Value, 0.0, ExitReasons.TakeProfit),
        _ => (0.0, 0.0, (string?)null),
    };
}
