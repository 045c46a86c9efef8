using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The engine's book as the operator sees it (`positions`, `orders`, `status`): open positions marked at the last
/// tick, working orders in placement order, and the day's P&amp;L.
/// </summary>
public static class BookView
{
    public static AccountView Of(ExecutionEngine engine, string component, string venue)
    {
        var positions = new List<PositionView>();
        var unrealized = 0.0;
        foreach (var trade in engine.Trades.Where(t => t.Phase == TradePhase.Open))
        {
            var last = engine.LastPriceOf(trade.Symbol) ?? trade.EntryPrice;
            var pnl = (last - trade.EntryPrice) * trade.Direction * trade.Quantity * engine.PointValueOf(trade.Symbol);
            unrealized += pnl;
            positions.Add(new PositionView(trade.ExecutionId, trade.Symbol, trade.SignedQuantity, trade.EntryPrice, last, pnl,
                trade.StopLoss, trade.TakeProfit, trade.EntryTime));
        }

        var orders = engine.WorkingOrders
            .Select(o => new OrderView(o.OrderId, o.ExecutionId, o.Symbol, o.Side > 0 ? "BUY" : "SELL", o.Type.ToString().ToUpperInvariant(),
                o.Role.ToString().ToUpperInvariant(), o.Quantity, o.Price, o.Status.ToString().ToUpperInvariant(), o.CreatedAt))
            .ToList();
        return new AccountView(component, positions, orders, engine.Equity, engine.RealizedPnlDay, unrealized, engine.TradesToday, venue);
    }
}
