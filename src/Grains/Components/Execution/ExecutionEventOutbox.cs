using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The events one <see cref="ExecutionEngine"/> call produces, buffered in order until the call returns, and the
/// payloads they carry. Kept apart from the engine so that the engine holds the trading rules and this class only
/// the shape of what those rules report; the engine still decides what is emitted and when.
/// </summary>
internal sealed class ExecutionEventOutbox
{
    private List<PublishedEvent> _out = [];

    /// <summary>True when nothing waits to be drained: lets the tick hot path return without allocating.</summary>
    public bool IsEmpty => _out.Count == 0;

    public void Emit(string type, EventPayload payload, DateTime time) => _out.Add(new PublishedEvent(type, payload, time));

    /// <summary>Hands over everything emitted since the last drain and starts a fresh buffer.</summary>
    public List<PublishedEvent> Drain()
    {
        var events = _out;
        _out = [];
        return events;
    }

    public void EmitOrder(string type, Order order, DateTime time, OrderFill? fill, string? reason) =>
        Emit(type, new OrderEventPayload(order.ExecutionId, order.OrderId, OrderStateMachine.Name(order.Status), time,
            new OrderDetails(order.Symbol, order.Side, TypeName(order.Type), order.Quantity, order.Price, order.OcoGroup, RoleName(order.Role)),
            fill, reason), time);

    /// <summary>TRADE_CLOSED for a trade whose exit has been booked with <paramref name="pnl"/>.</summary>
    public void EmitTradeClosed(TradeState trade, TradePnl pnl, double exitPrice, double exitSlippage, string reason, DateTime time)
    {
        var outcome = pnl.Net > 0 ? "WIN" : pnl.Net < 0 ? "LOSS" : "BREAKEVEN";
        Emit(TradeClosed, new TradeClosedPayload(
            trade.ExecutionId, trade.Symbol, trade.Direction,
            new TradeEntry(trade.EntryPrice, trade.Quantity, trade.EntryTime, trade.EntrySlippage),
            new TradeExit(exitPrice, trade.Quantity, time, reason),
            new TradePerformance(pnl.Gross, pnl.Points, pnl.Percent, pnl.Commission, pnl.Net, trade.BarsHeld, trade.MaxFavorable, trade.MaxAdverse),
            new ExecutionQuality(trade.EntrySlippage, exitSlippage, (trade.EntryTime - trade.DecisionTime).TotalMilliseconds),
            new TradeResult(outcome, pnl.Net, (time - trade.EntryTime).TotalSeconds, reason, reason == ExitReasons.StopLoss, reason == ExitReasons.TakeProfit,
                trade.Quantity, Math.Abs(trade.PlannedEntry - trade.StopLoss), Math.Abs(trade.TakeProfit - trade.PlannedEntry))), time);
    }

    /// <summary>
    /// POSITION_UPDATE: the net position of a symbol. AvgPrice is the break-even price of the net position, so that
    /// unrealized P&amp;L = (last − AvgPrice) · quantity · point value also when trades of both directions are open.
    /// </summary>
    public void EmitPosition(string symbol, IEnumerable<TradeState> trades, double pointValue, double last, Account account, DateTime time)
    {
        var open = trades.Where(t => t.Symbol == symbol && t.Phase == TradePhase.Open).ToList();
        var quantity = open.Sum(t => t.SignedQuantity);
        var average = quantity != 0 ? open.Sum(t => t.SignedQuantity * t.EntryPrice) / quantity : 0;
        var unrealized = open.Sum(t => (last - t.EntryPrice) * t.SignedQuantity) * pointValue;
        Emit(PositionUpdate, new PositionUpdatePayload(symbol, quantity, average, unrealized, account.RealizedDay, open.Count, account.Equity, time), time);
    }

    private static string TypeName(OrderType type) => type switch
    {
        OrderType.Market => "MARKET",
        OrderType.Stop => "STOP",
        _ => "LIMIT",
    };

    private static string RoleName(OrderRole role) => role switch
    {
        OrderRole.Entry => "ENTRY",
        OrderRole.StopLoss => "STOP_LOSS",
        OrderRole.TakeProfit => "TAKE_PROFIT",
        _ => "EXIT",
    };
}
