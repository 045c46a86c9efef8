using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class ProtectPositionsTests
{
    /// <summary>EX1 open long (stop and target working, last tick 5004 at 10:01), EX2 entry waiting for its fill.</summary>
    private static ExecutionHarness OpenAndPending()
    {
        var h = new ExecutionHarness().WithOpenLong(id: "EX1");
        h.Tick(At(10, 1), 5004);
        h.Trade(Command("EX2"), At(10, 1, 10));
        return h;
    }

    [Fact]
    public void Shutdown_with_flatten_cancels_every_working_order_first_then_closes_at_the_last_price_with_slippage()
    {
        var h = OpenAndPending();

        var events = h.Protect(BookProtection.Shutdown(true));

        Assert.Equal([OrderCancelled, OrderCancelled, OrderCancelled, OrderSubmitted, OrderFilled, TradeClosed, PositionUpdate], events.Types());
        Assert.Equal(["STOP_LOSS", "TAKE_PROFIT", "ENTRY"], events.Orders(OrderCancelled).Select(o => o.Details.Role));
        Assert.All(events.Orders(OrderCancelled), o => Assert.Equal("shutdown: cancel working orders and flatten", o.Reason));
        var closed = events.Closed();
        // Sold at 5004 − 0.25, at the simulation time of the last event (the EXECUTE_TRADE at 10:01:10).
        Assert.Equal(new TradeExit(5003.75, 1, At(10, 1, 10), ExitReasons.Shutdown), closed.Exit);
        Assert.Equal(0, events.Single<PositionUpdatePayload>(PositionUpdate).Quantity);
        Assert.Empty(h.Engine.Trades);
        Assert.Empty(h.Engine.WorkingOrders);
    }

    [Fact]
    public void An_emergency_reason_closes_with_exit_reason_emergency()
    {
        var h = OpenAndPending();

        Assert.Equal(ExitReasons.Emergency, h.Protect(BookProtection.Emergency("flush did not finish")).Closed().Exit.Reason);
    }

    [Fact]
    public void Without_flatten_working_orders_are_cancelled_and_the_position_stays_open()
    {
        var h = OpenAndPending();

        var events = h.Protect(BookProtection.Shutdown(false));

        Assert.Equal([OrderCancelled, OrderCancelled, OrderCancelled], events.Types());
        var open = Assert.Single(h.Engine.Trades);
        Assert.Equal(("EX1", TradePhase.Open), (open.ExecutionId, open.Phase));
        Assert.Empty(h.Engine.WorkingOrders);
    }
}
