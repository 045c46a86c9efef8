namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// One trade (one execution id) from its accepted EXECUTE_TRADE to its exit. Immutable, like <see cref="Order"/>.
/// </summary>
/// <param name="Direction">+1 long, -1 short.</param>
/// <param name="PlannedEntry">The decision's entry price; stop and target distances are measured from it.</param>
/// <param name="MaxHoldTime">Time stop in 5-minute bars; 0 disables it.</param>
/// <param name="DecisionTime">Simulation time of the EXECUTE_TRADE.</param>
/// <param name="FlatBy">The session close after the decision: with force_flat_eod the trade is flat by then.</param>
/// <param name="EntryPrice">The entry fill, slippage included; 0 until filled.</param>
/// <param name="BarsHeld">5-minute bars that closed after the entry fill.</param>
/// <param name="MaxFavorable">Largest (tick − entry) · direction seen while open, in points.</param>
/// <param name="MaxAdverse">Largest (entry − tick) · direction seen while open, in points.</param>
[GenerateSerializer, Immutable]
public sealed record TradeState(
    [property: Id(0)] string ExecutionId,
    [property: Id(1)] string Symbol,
    [property: Id(2)] int Direction,
    [property: Id(3)] int Quantity,
    [property: Id(4)] double PlannedEntry,
    [property: Id(5)] double StopLoss,
    [property: Id(6)] double TakeProfit,
    [property: Id(7)] int MaxHoldTime,
    [property: Id(8)] DateTime DecisionTime,
    [property: Id(9)] DateTime FlatBy,
    [property: Id(10)] TradePhase Phase,
    [property: Id(11)] double EntryPrice = 0,
    [property: Id(12)] DateTime EntryTime = default,
    [property: Id(13)] double EntrySlippage = 0,
    [property: Id(14)] double EntryCommission = 0,
    [property: Id(15)] int BarsHeld = 0,
    [property: Id(16)] double MaxFavorable = 0,
    [property: Id(17)] double MaxAdverse = 0)
{
    /// <summary>This trade's share of the net position: signed contracts while open, 0 before the entry fill.</summary>
    public int SignedQuantity => Phase == TradePhase.Open ? Direction * Quantity : 0;

    /// <summary>The trade with <paramref name="price"/> taken into its favourable and adverse excursions.</summary>
    public TradeState WithExcursion(double price)
    {
        var favorable = (price - EntryPrice) * Direction;
        return this with { MaxFavorable = Math.Max(MaxFavorable, favorable), MaxAdverse = Math.Max(MaxAdverse, -favorable) };
    }
}
