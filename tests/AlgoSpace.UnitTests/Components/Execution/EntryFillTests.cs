using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class EntryFillTests
{
    [Fact]
    public void An_entry_is_only_submitted_at_the_decision_and_fills_on_the_next_tick_one_tick_against_the_trade()
    {
        var h = new ExecutionHarness();
        h.Tick(At(10, 0), 5000);

        var decided = h.Trade(Command(size: 2), At(10, 0));

        var submitted = decided.Single<OrderEventPayload>(OrderSubmitted);
        Assert.Equal(("SUBMITTED", "ENTRY", "MARKET", 1, 2), (submitted.Status, submitted.Details.Role, submitted.Details.OrderType, submitted.Details.Side, submitted.Details.Quantity));
        Assert.Equal(TradePhase.PendingEntry, Assert.Single(h.Engine.Trades).Phase);

        var next = h.Tick(At(10, 0, 30), 5001);

        Assert.Equal([OrderFilled, OrderSubmitted, OrderSubmitted, PositionUpdate], next.Types());
        var fill = next.Single<OrderEventPayload>(OrderFilled);
        // 5001 + 1 tick of 0.25; $2.50 × 2 contracts.
        Assert.Equal(new OrderFill(5001.25, 2, 5, 0.25), fill.Fill);
        Assert.Equal(At(10, 0, 30), fill.Timestamp);
        Assert.Equal("FILLED", fill.Status);
    }

    [Fact]
    public void A_short_entry_fills_one_tick_below_the_tick()
    {
        var h = new ExecutionHarness();
        h.Tick(At(10, 0), 5000);
        h.Trade(Command(direction: -1, stopLoss: 5010, takeProfit: 4990), At(10, 0));

        var fill = h.Tick(At(10, 0, 30), 5000).Single<OrderEventPayload>(OrderFilled);

        Assert.Equal(4999.75, fill.Fill!.Price);
    }

    [Fact]
    public void After_the_entry_fill_a_stop_and_a_limit_on_the_opposite_side_sized_to_the_fill_are_linked_as_one_cancels_other()
    {
        var h = new ExecutionHarness();
        h.Tick(At(10, 0), 5000);
        h.Trade(Command(size: 2, stopLoss: 4990, takeProfit: 5010), At(10, 0));

        var bracket = h.Tick(At(10, 0, 30), 5000).Orders(OrderSubmitted).Select(o => o.Details).ToList();

        Assert.Equal(
        [
            new OrderDetails("ES", -1, "STOP", 2, 4990, "OCO_BR_EX1", "STOP_LOSS"),
            new OrderDetails("ES", -1, "LIMIT", 2, 5010, "OCO_BR_EX1", "TAKE_PROFIT"),
        ], bracket);
        Assert.All(h.Engine.WorkingOrders, o => Assert.Equal(OrderStatus.Acknowledged, o.Status));
    }

    [Fact]
    public void The_position_update_after_the_entry_fill_shows_the_net_position_and_its_open_loss_from_slippage()
    {
        var h = new ExecutionHarness();
        h.Tick(At(10, 0), 5000);
        h.Trade(Command(size: 2), At(10, 0));

        var position = h.Tick(At(10, 0, 30), 5001).Single<PositionUpdatePayload>(PositionUpdate);

        // (5001 − 5001.25) × 2 × $50 = −$25; nothing realized yet.
        Assert.Equal(new PositionUpdatePayload("ES", 2, 5001.25, -25, 0, 1, 100_000, At(10, 0, 30)), position);
    }

    [Fact]
    public void The_bracket_works_from_the_tick_after_the_entry_fill()
    {
        var h = new ExecutionHarness();
        h.Tick(At(10, 0), 5000);
        h.Trade(Command(stopLoss: 4999.5, takeProfit: 5010), At(10, 0));

        // The entry tick is below the stop, but the stop did not exist before it.
        Assert.DoesNotContain(TradeClosed, h.Tick(At(10, 0, 30), 4999).Types());
        Assert.Equal(ExitReasons.StopLoss, h.Tick(At(10, 1), 4999).Closed().Exit.Reason);
    }

    [Fact]
    public void With_fill_probability_090_seed_42_and_tick_4_the_draw_0_9096_rejects_the_entry_every_time()
    {
        for (var run = 0; run < 2; run++)
        {
            var h = new ExecutionHarness(Defaults(fillProbability: 0.9), runSeed: 42, firstSeq: 2);
            h.Tick(At(10, 0), 5000);
            h.Trade(Command(), At(10, 0));

            var next = h.Tick(At(10, 0, 30), 5000);

            var rejected = next.Single<OrderEventPayload>(OrderRejected);
            Assert.Equal("REJECTED", rejected.Status);
            Assert.StartsWith("NOT_FILLED", rejected.Reason);
            Assert.DoesNotContain(PositionUpdate, next.Types());
            Assert.DoesNotContain(RiskBreach, next.Types());
            Assert.Empty(h.Engine.Trades);
        }
    }

    [Fact]
    public void The_same_tick_fills_under_seed_7_whose_draw_is_0_7765()
    {
        var h = new ExecutionHarness(Defaults(fillProbability: 0.9), runSeed: 7, firstSeq: 2);
        h.Tick(At(10, 0), 5000);
        h.Trade(Command(), At(10, 0));

        Assert.Contains(OrderFilled, h.Tick(At(10, 0, 30), 5000).Types());
    }

    [Fact]
    public void The_second_draw_of_a_run_uses_the_draw_counter_so_seed_42_tick_5_draw_1_is_0_7657_and_fills()
    {
        var h = new ExecutionHarness(Defaults(fillProbability: 0.9), runSeed: 42, firstSeq: 2);
        h.Tick(At(10, 0), 5000);
        h.Trade(Command("EX1"), At(10, 0));
        h.Tick(At(10, 0, 30), 5000);
        h.Trade(Command("EX2"), At(10, 1));

        // Draw 0 of tick 5 would be 0.7032; either way below 0.9, and the counter moved to 1.
        Assert.Contains(OrderFilled, h.Tick(At(10, 1, 30), 5000).Types());
        Assert.Equal(2, h.Engine.SaveState().RandomDraws);
    }
}
