using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class BracketTests
{
    private static ExecutionHarness OpenShort()
    {
        var h = new ExecutionHarness();
        h.Tick(At(10, 0), 5000);
        h.Trade(Command(direction: -1, stopLoss: 5010, takeProfit: 4990), At(10, 0));
        h.Tick(At(10, 0, 30), 5000);
        return h;
    }

    [Fact]
    public void A_long_stop_triggers_at_a_tick_at_or_below_the_stop_and_fills_one_tick_lower()
    {
        var h = new ExecutionHarness().WithOpenLong(stopLoss: 4990);

        Assert.Empty(h.Tick(At(10, 1), 4990.25));
        var events = h.Tick(At(10, 2), 4990);

        Assert.Equal([OrderFilled, OrderCancelled, TradeClosed, PositionUpdate], events.Types());
        var stop = events.Single<OrderEventPayload>(OrderFilled);
        Assert.Equal(("STOP_LOSS", 4989.75, 0.25), (stop.Details.Role, stop.Fill!.Price, stop.Fill.Slippage));
    }

    [Fact]
    public void A_short_stop_triggers_at_a_tick_at_or_above_the_stop_and_fills_one_tick_higher()
    {
        var h = OpenShort();

        Assert.Empty(h.Tick(At(10, 1), 5009.75));
        var stop = h.Tick(At(10, 2), 5010).Single<OrderEventPayload>(OrderFilled);

        Assert.Equal(("STOP_LOSS", 1, 5010.25), (stop.Details.Role, stop.Details.Side, stop.Fill!.Price));
    }

    [Fact]
    public void A_stop_fill_cancels_the_target_and_closes_the_trade_as_a_stop_loss()
    {
        var h = new ExecutionHarness().WithOpenLong();

        var events = h.Tick(At(10, 2), 4985);

        var cancelled = events.Single<OrderEventPayload>(OrderCancelled);
        var filled = events.Single<OrderEventPayload>(OrderFilled);
        Assert.Equal(("TAKE_PROFIT", "CANCELLED"), (cancelled.Details.Role, cancelled.Status));
        Assert.Equal($"OCO: {filled.OrderId} filled", cancelled.Reason);
        var closed = events.Closed();
        Assert.Equal((ExitReasons.StopLoss, true, false), (closed.Exit.Reason, closed.TradeResult.HitStop, closed.TradeResult.HitTarget));
        // A stop-market fills at the tick that triggered it, not at the stop price: 4985 − 0.25.
        Assert.Equal(4984.75, closed.Exit.Price);
        Assert.Equal(0, events.Single<PositionUpdatePayload>(PositionUpdate).Quantity);
        Assert.Empty(h.Engine.WorkingOrders);
    }

    [Fact]
    public void A_long_target_fills_at_its_own_price_when_a_tick_touches_it_and_cancels_the_stop()
    {
        var h = new ExecutionHarness().WithOpenLong(takeProfit: 5010);

        Assert.Empty(h.Tick(At(10, 1), 5009.75));
        var events = h.Tick(At(10, 2), 5012);

        var target = events.Single<OrderEventPayload>(OrderFilled);
        Assert.Equal(("TAKE_PROFIT", 5010.0, 0.0), (target.Details.Role, target.Fill!.Price, target.Fill.Slippage));
        Assert.Equal("STOP_LOSS", events.Single<OrderEventPayload>(OrderCancelled).Details.Role);
        var closed = events.Closed();
        Assert.Equal((ExitReasons.TakeProfit, false, true), (closed.Exit.Reason, closed.TradeResult.HitStop, closed.TradeResult.HitTarget));
    }

    [Fact]
    public void A_short_target_fills_at_its_price_when_a_tick_is_at_or_below_it()
    {
        var h = OpenShort();

        Assert.Empty(h.Tick(At(10, 1), 4990.25));
        var target = h.Tick(At(10, 2), 4989).Single<OrderEventPayload>(OrderFilled);

        Assert.Equal((1, 4990.0), (target.Details.Side, target.Fill!.Price));
    }
}
