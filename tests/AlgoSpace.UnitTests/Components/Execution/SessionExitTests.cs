using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Components.Execution;

/// <summary>Exits the trade does not choose: the time stop and the end-of-day flat.</summary>
public sealed class SessionExitTests
{
    [Fact]
    public void After_max_hold_time_5_minute_bars_the_bracket_is_cancelled_and_a_market_exit_fills_on_the_next_tick()
    {
        var h = new ExecutionHarness().WithOpenLong(maxHoldTime: 2);   // filled 10:00:30

        Assert.Empty(h.Bar(At(9, 55)));                                   // closes 10:00, before the fill: not counted
        Assert.Empty(h.Engine.OnBar(new BarPayload("ES", At(9, 30), 1, 1, 1, 1, 1, 30, 1, false)));   // 30m bars do not count
        Assert.Empty(h.Bar(At(10, 0)));                                   // 1 bar held
        var stop = h.Bar(At(10, 5));                                      // 2 bars held

        Assert.Equal([OrderCancelled, OrderCancelled, OrderSubmitted], stop.Types());
        Assert.All(stop.Orders(OrderCancelled), o => Assert.Equal(ExitReasons.TimeStop, o.Reason));
        Assert.Equal(("EXIT", "MARKET", -1), (stop.Single<OrderEventPayload>(OrderSubmitted).Details.Role, stop.Single<OrderEventPayload>(OrderSubmitted).Details.OrderType, stop.Single<OrderEventPayload>(OrderSubmitted).Details.Side));

        var exit = h.Tick(At(10, 10), 5003);

        Assert.Equal([OrderFilled, TradeClosed, PositionUpdate], exit.Types());
        var closed = exit.Closed();
        Assert.Equal((ExitReasons.TimeStop, 5002.75, 2), (closed.Exit.Reason, closed.Exit.Price, closed.Performance.BarsHeld));
    }

    [Fact]
    public void With_force_flat_eod_an_open_trade_is_closed_at_the_first_tick_at_the_session_close()
    {
        var h = new ExecutionHarness();
        h.Tick(At(15, 50), 5000);
        h.Trade(Command(), At(15, 50));
        h.Tick(At(15, 50, 30), 5000);

        Assert.Empty(h.Tick(At(15, 59, 59), 5001));
        var events = h.Tick(At(16, 0), 5002);

        Assert.Equal([OrderCancelled, OrderCancelled, OrderSubmitted, OrderFilled, TradeClosed, PositionUpdate], events.Types());
        Assert.All(events.Orders(OrderCancelled), o => Assert.Equal(ExitReasons.EodFlat, o.Reason));
        var closed = events.Closed();
        Assert.Equal((ExitReasons.EodFlat, 5001.75, At(16, 0)), (closed.Exit.Reason, closed.Exit.Price, closed.Exit.Timestamp));
        Assert.Empty(h.Engine.Trades);
    }

    [Fact]
    public void An_instrument_with_its_own_session_close_is_flat_and_closed_to_entries_from_its_close_while_the_others_trade_on()
    {
        // CL closes at 15:00 (instruments.CL.session_close); ES keeps execution.session_close, 16:00.
        var instruments = new InstrumentTable(new Dictionary<string, AlgoSpace.Grains.Interfaces.Configuration.InstrumentSettings>
        {
            ["CL"] = new() { TickSize = 0.01, PointValue = 1000, SessionClose = "15:00" },
        });
        var h = new ExecutionHarness(instruments: instruments);
        h.Tick(At(14, 50), 5000);
        h.Tick(At(14, 50), 75, "CL");
        h.Trade(Command("ES1"), At(14, 50));
        h.Trade(Command("CL1", entry: 75, stopLoss: 74, takeProfit: 76, symbol: "CL"), At(14, 50));
        h.Tick(At(14, 50, 30), 5000);
        h.Tick(At(14, 50, 30), 75, "CL");

        var clClose = h.Tick(At(15, 0), 75.01, "CL");
        Assert.Equal((ExitReasons.EodFlat, "CL"), (clClose.Closed().Exit.Reason, clClose.Closed().Symbol));
        Assert.Empty(h.Tick(At(15, 0), 5001));
        Assert.Equal(["ES1"], h.Engine.Trades.Select(t => t.ExecutionId));

        // After 15:00 a CL entry is refused as market closed, naming CL's close; an ES entry is accepted.
        var refused = h.Trade(Command("CL2", entry: 75, stopLoss: 74, takeProfit: 76, symbol: "CL"), At(15, 30));
        Assert.Contains("at or after the session close 15:00", refused.Single<OrderEventPayload>(OrderRejected).Reason);
        Assert.Contains(OrderSubmitted, h.Trade(Command("ES2", size: 1), At(15, 30)).Types());
        Assert.Equal(ExitReasons.EodFlat, h.Tick(At(16, 0), 5002).Closed().Exit.Reason);
    }

    [Fact]
    public void A_day_without_a_tick_at_the_close_is_flattened_at_the_next_tick()
    {
        var h = new ExecutionHarness().WithOpenLong();

        var closed = h.Tick(Day.AddDays(1).AddHours(9).AddMinutes(30), 4995).Closed();

        Assert.Equal(ExitReasons.EodFlat, closed.Exit.Reason);
    }

    [Fact]
    public void An_entry_still_waiting_at_the_session_close_is_cancelled_and_never_fills()
    {
        var h = new ExecutionHarness();
        h.Tick(At(15, 59), 5000);
        h.Trade(Command(), At(15, 59, 59));

        var events = h.Tick(At(16, 0), 5000);

        Assert.Equal([OrderCancelled], events.Types());
        Assert.Equal(("ENTRY", ExitReasons.EodFlat), (events.Orders(OrderCancelled).Single().Details.Role, events.Orders(OrderCancelled).Single().Reason));
        Assert.Empty(h.Engine.Trades);
        Assert.Empty(h.Engine.WorkingOrders);
    }

    [Fact]
    public void Without_force_flat_eod_a_trade_is_held_past_the_session_close()
    {
        var h = new ExecutionHarness(Defaults(forceFlatEod: false)).WithOpenLong();

        Assert.Empty(h.Tick(At(16, 0), 5002));
        Assert.Empty(h.Tick(Day.AddDays(1).AddHours(9), 5002));
        Assert.Equal(TradePhase.Open, Assert.Single(h.Engine.Trades).Phase);
    }
}
