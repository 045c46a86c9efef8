using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class PnlTests
{
    /// <summary>
    /// Long 2 ES decided at 5000 (10:00:00), filled at 5000.25 on the 10:00:30 tick at 5000, seen at 4995 and
    /// 5008, target 5010 touched by the 10:03:00 tick at 5010.50.
    /// </summary>
    private static (ExecutionHarness Harness, IReadOnlyList<PublishedEvent> Exit) KnownLong()
    {
        var h = new ExecutionHarness();
        h.Tick(At(10, 0), 5000);
        h.Trade(Command(size: 2, stopLoss: 4990, takeProfit: 5010), At(10, 0));
        h.Tick(At(10, 0, 30), 5000);
        h.Tick(At(10, 1), 4995);
        h.Tick(At(10, 2), 5008);
        return (h, h.Tick(At(10, 3), 5010.5));
    }

    [Fact]
    public void A_long_of_2_ES_from_5000_25_to_5010_makes_9_75_points_975_gross_10_commission_and_965_net()
    {
        var closed = KnownLong().Exit.Closed();

        Assert.Equal(new TradeEntry(5000.25, 2, At(10, 0, 30), 0.25), closed.Entry);
        Assert.Equal(new TradeExit(5010, 2, At(10, 3), "TAKE_PROFIT"), closed.Exit);
        var p = closed.Performance;
        Assert.Equal(9.75, p.PnlPoints);            // (5010 − 5000.25) × +1
        Assert.Equal(975, p.Pnl);                   // 9.75 × 2 × $50
        Assert.Equal(10, p.CommissionPaid);         // $2.50 × 2 contracts × 2 sides
        Assert.Equal(965, p.NetPnl);
        Assert.Equal(0.19499, p.PnlPercent, 5);     // 100 × 9.75 / 5000.25
        Assert.Equal(10.25, p.MaxFavorable);        // 5010.50 − 5000.25
        Assert.Equal(5.25, p.MaxAdverse);           // 5000.25 − 4995
        Assert.Equal(new ExecutionQuality(0.25, 0, 30_000), closed.ExecutionQuality);
        Assert.Equal(new TradeResult("WIN", 965, 150, "TAKE_PROFIT", false, true, 2, 10, 10), closed.TradeResult);
    }

    [Fact]
    public void The_closed_trade_is_realized_in_equity_and_the_days_pnl()
    {
        var (h, exit) = KnownLong();

        var position = exit.Single<PositionUpdatePayload>(PositionUpdate);

        Assert.Equal(new PositionUpdatePayload("ES", 0, 0, 0, 965, 0, 100_965, At(10, 3)), position);
        Assert.Equal(100_965, h.Engine.Equity);
    }

    [Fact]
    public void A_short_of_1_ES_from_4999_75_stopped_at_5006_25_loses_6_5_points_325_gross_and_330_net()
    {
        var h = new ExecutionHarness();
        h.Tick(At(10, 0), 5000);
        h.Trade(Command(direction: -1, stopLoss: 5005, takeProfit: 4980), At(10, 0));
        h.Tick(At(10, 0, 30), 5000);

        var closed = h.Tick(At(10, 1), 5006).Closed();

        Assert.Equal((4999.75, 5006.25), (closed.Entry.Price, closed.Exit.Price));
        Assert.Equal((-6.5, -325.0, 5.0, -330.0), (closed.Performance.PnlPoints, closed.Performance.Pnl, closed.Performance.CommissionPaid, closed.Performance.NetPnl));
        Assert.Equal(("LOSS", true, 5.0, 20.0), (closed.TradeResult.Outcome, closed.TradeResult.HitStop, closed.TradeResult.SlDistance, closed.TradeResult.TpDistance));
        Assert.Equal(-1, closed.Direction);
    }

    [Fact]
    public void The_days_realized_pnl_starts_again_at_zero_on_a_new_date_while_equity_keeps_it()
    {
        var (h, _) = KnownLong();
        var nextDay = Day.AddDays(1).AddHours(10);
        h.Tick(nextDay, 5000);
        h.Trade(Command("EX2"), nextDay);

        var position = h.Tick(nextDay.AddSeconds(30), 5000).Single<PositionUpdatePayload>(PositionUpdate);

        Assert.Equal((0.0, 100_965.0), (position.RealizedPnlDay, position.Equity));
        Assert.Equal(0, h.Engine.RealizedPnlDay);
    }

    [Fact]
    public void Average_price_is_the_break_even_of_the_net_position_when_longs_and_a_short_are_open()
    {
        var h = new ExecutionHarness().WithOpenLong(size: 1, id: "EX1");
        h.Trade(Command("EX2", direction: 1, size: 1, entry: 5004, stopLoss: 4990, takeProfit: 5020), At(10, 1));
        h.Tick(At(10, 1, 30), 5004);
        h.Trade(Command("EX3", direction: -1, size: 1, entry: 5006, stopLoss: 5020, takeProfit: 4990), At(10, 2));

        var position = h.Tick(At(10, 2, 30), 5006).Single<PositionUpdatePayload>(PositionUpdate);

        // Longs 5000.25 and 5004.25, short 5005.75: net +1 at 5000.25 + 5004.25 − 5005.75 = 4998.75.
        // Unrealized at 5006: (5006 − 5000.25 + 5006 − 5004.25 − (5006 − 5005.75)) × $50 = $362.50 = (5006 − 4998.75) × 1 × $50.
        Assert.Equal((1, 4998.75, 362.5, 3), (position.Quantity, position.AvgPrice, position.UnrealizedPnl, position.OpenPositions));
    }
}
