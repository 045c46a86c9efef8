using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class PreTradeCheckTests
{
    private static ExecutionHarness Market(ExecutionSettings? settings = null)
    {
        var h = new ExecutionHarness(settings);
        h.Tick(At(10, 0), 5000);
        return h;
    }

    /// <summary>The order is rejected with the check's code, a RISK_BREACH RISK_CHECK_FAILED names the check, and no trade starts.</summary>
    private static void AssertFailed(ExecutionHarness h, IReadOnlyList<PublishedEvent> events, string code)
    {
        Assert.Equal([OrderRejected, RiskBreach], events.Types());
        var rejected = events.Single<OrderEventPayload>(OrderRejected);
        Assert.Equal("REJECTED", rejected.Status);
        Assert.StartsWith($"{code}: ", rejected.Reason);
        var breach = events.Single<RiskBreachPayload>(RiskBreach);
        Assert.Equal(("RISK_CHECK_FAILED", code), (breach.Code, breach.Context["check"]));
        Assert.DoesNotContain(h.Engine.WorkingOrders, o => o.OrderId == rejected.OrderId);
        Assert.DoesNotContain(h.Engine.Trades, t => t.ExecutionId == rejected.ExecutionId && t.Phase == TradePhase.PendingEntry);
    }

    private static void AssertAccepted(IReadOnlyList<PublishedEvent> events) => Assert.Equal([OrderSubmitted], events.Types());

    [Fact]
    public void A_trade_that_would_take_the_position_beyond_max_position_size_is_rejected_and_one_that_reduces_it_is_not()
    {
        var h = new ExecutionHarness(new ExecutionSettings { MaxPositionSize = 3, FillProbability = 1 }).WithOpenLong(size: 2);

        AssertFailed(h, h.Trade(Command("EX2", direction: 1, size: 2), At(10, 1)), RejectionCodes.PositionLimit);
        // |2 − 2| = 0.
        AssertAccepted(h.Trade(Command("EX3", direction: -1, size: 2, stopLoss: 5010, takeProfit: 4990), At(10, 1)));
    }

    [Fact]
    public void Entries_still_waiting_for_their_fill_count_toward_the_position_limit()
    {
        var h = Market(new ExecutionSettings { MaxPositionSize = 3, FillProbability = 1 });
        AssertAccepted(h.Trade(Command("EX1", size: 2), At(10, 0)));

        AssertFailed(h, h.Trade(Command("EX2", size: 2), At(10, 0)), RejectionCodes.PositionLimit);
    }

    [Fact]
    public void An_order_worth_more_than_max_order_value_is_rejected()
    {
        var h = Market();

        // 3 × 5000 × $50 = $750,000 > $500,000; 2 × 5000 × $50 = $500,000 is the limit itself.
        AssertFailed(h, h.Trade(Command("EX1", size: 3), At(10, 0)), RejectionCodes.OrderValue);
        AssertAccepted(h.Trade(Command("EX2", size: 2), At(10, 0)));
    }

    [Fact]
    public void An_execution_id_seen_within_the_duplicate_window_is_rejected_and_accepted_again_after_it()
    {
        var h = Market();
        AssertFailed(h, h.Trade(Command("EX1", entry: 5100, takeProfit: 5110), At(10, 0)), RejectionCodes.PriceDeviation);

        AssertFailed(h, h.Trade(Command("EX1"), At(10, 0, 3)), RejectionCodes.DuplicateOrder);
        AssertAccepted(h.Trade(Command("EX1"), At(10, 0, 6)));
    }

    [Fact]
    public void The_execution_id_of_a_trade_still_active_is_a_duplicate_even_after_the_window()
    {
        var h = new ExecutionHarness().WithOpenLong(id: "EX1");

        AssertFailed(h, h.Trade(Command("EX1"), At(11, 0)), RejectionCodes.DuplicateOrder);
        Assert.Single(h.Engine.Trades);
    }

    [Fact]
    public void An_entry_more_than_max_price_deviation_from_the_last_price_is_rejected()
    {
        var h = Market();

        // |5050.25 − 5000| / 5000 = 1.005 % > 1 %; 5049.75 is 0.995 %.
        AssertFailed(h, h.Trade(Command("EX1", entry: 5050.25, stopLoss: 5040, takeProfit: 5060), At(10, 0)), RejectionCodes.PriceDeviation);
        AssertAccepted(h.Trade(Command("EX2", entry: 5049.75, stopLoss: 5040, takeProfit: 5060), At(10, 0)));
    }

    [Fact]
    public void Without_a_tick_of_the_symbol_the_market_is_closed()
    {
        var h = new ExecutionHarness();

        AssertFailed(h, h.Trade(Command(), At(10, 0)), RejectionCodes.MarketClosed);
    }

    [Fact]
    public void With_force_flat_eod_an_entry_at_or_after_the_session_close_is_rejected_and_without_it_accepted()
    {
        var flat = new ExecutionHarness();
        flat.Tick(At(16, 0), 5000);
        AssertFailed(flat, flat.Trade(Command(), At(16, 0)), RejectionCodes.MarketClosed);

        var hold = new ExecutionHarness(Defaults(forceFlatEod: false));
        hold.Tick(At(16, 0), 5000);
        AssertAccepted(hold.Trade(Command(), At(16, 0)));
    }

    [Theory]
    [InlineData(0, 1, 4990, 5010, "ES")]
    [InlineData(1, 0, 4990, 5010, "ES")]
    [InlineData(1, 1, 5001, 5010, "ES")]
    [InlineData(-1, 1, 4990, 5010, "ES")]
    [InlineData(1, 1, 4990, 5010, "ZZ")]
    public void A_malformed_command_is_rejected_as_invalid_without_a_risk_breach(int direction, int size, double stop, double target, string symbol)
    {
        var h = Market();

        var events = h.Trade(Command(direction: direction, size: size, stopLoss: stop, takeProfit: target, symbol: symbol), At(10, 0));

        Assert.StartsWith("INVALID_COMMAND: ", Assert.Single(events.Orders(OrderRejected)).Reason);
        Assert.Equal([OrderRejected], events.Types());
        Assert.Empty(h.Engine.Trades);
    }
}
