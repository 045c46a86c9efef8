using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Tests.Components.Execution;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Portfolio;

/// <summary>
/// The portfolio risk gate in the account's execution handler: across instruments, after the per-order checks,
/// a refused order is rejected with its code and raises RISK_BREACH, and nothing else changes in the book.
/// </summary>
public sealed class PortfolioGateTests
{
    private static ExecutionHarness Harness(int? maxOpen = null, double? maxGross = null, bool dailyLoss = true) =>
        new(gate: new PortfolioGate(new RiskManagementSettings { MaxDailyLoss = 500, MaxOpenPositions = maxOpen, MaxGrossExposure = maxGross }, dailyLoss));

    private static string? Rejection(IReadOnlyList<PublishedEvent> events) =>
        events.Orders(OrderRejected).SingleOrDefault()?.Reason;

    [Fact]
    public void A_second_instrument_beyond_max_open_positions_is_refused_while_the_first_may_add()
    {
        var h = Harness(maxOpen: 1);
        h.Tick(At(10, 0), 5000, "ES");
        h.Tick(At(10, 0), 500, "MES");
        h.Trade(Command("EX_ES_1", symbol: "ES"), At(10, 0, 10));

        var refused = h.Trade(Command("EX_MES_1", entry: 500, stopLoss: 490, takeProfit: 510, symbol: "MES"), At(10, 0, 20));
        Assert.StartsWith(RejectionCodes.OpenPositions, Rejection(refused), StringComparison.Ordinal);
        Assert.Contains(refused, e => e.Type == RiskBreach);

        var same = h.Trade(Command("EX_ES_2", symbol: "ES"), At(10, 0, 30));
        Assert.Null(Rejection(same));
    }

    [Fact]
    public void An_order_that_would_take_gross_exposure_over_the_limit_is_refused()
    {
        // ES at 5000 is 250,000 USD a contract: one fits under 300,000, a second (of any instrument) does not.
        var h = Harness(maxGross: 300_000);
        h.Tick(At(10, 0), 5000, "ES");
        h.Tick(At(10, 0), 500, "MES");
        Assert.Null(Rejection(h.Trade(Command("EX_ES_1", symbol: "ES"), At(10, 0, 10))));
        Assert.Null(Rejection(h.Trade(Command("EX_MES_1", entry: 500, stopLoss: 490, takeProfit: 510, symbol: "MES"), At(10, 0, 20))));

        var refused = h.Trade(Command("EX_ES_2", symbol: "ES"), At(10, 0, 30));
        Assert.StartsWith(RejectionCodes.GrossExposure, Rejection(refused), StringComparison.Ordinal);
        Assert.Equal(2, h.Engine.Trades.Count);
    }

    [Fact]
    public void After_the_account_s_daily_loss_no_instrument_may_open_until_the_next_day()
    {
        var h = Harness();
        h.WithOpenLong(stopLoss: 4980, takeProfit: 5100);
        h.Tick(At(10, 30), 4980, "ES");   // the stop: 20 points, 1,000 USD lost on ES
        Assert.True(h.Engine.RealizedPnlDay <= -500, $"{h.Engine.RealizedPnlDay}");

        h.Tick(At(10, 31), 500, "MES");
        var refused = h.Trade(Command("EX_MES_1", entry: 500, stopLoss: 490, takeProfit: 510, symbol: "MES"), At(10, 32));
        Assert.StartsWith(RejectionCodes.DailyLoss, Rejection(refused), StringComparison.Ordinal);

        h.Tick(Day.AddDays(1).AddHours(9.5), 500, "MES");
        Assert.Null(Rejection(h.Trade(Command("EX_MES_2", entry: 500, stopLoss: 490, takeProfit: 510, symbol: "MES"), Day.AddDays(1).AddHours(9.6))));
    }

    [Fact]
    public void With_one_instrument_the_daily_loss_is_left_to_M_RMS()
    {
        var h = Harness(dailyLoss: false);
        h.WithOpenLong(stopLoss: 4980, takeProfit: 5100);
        h.Tick(At(10, 30), 4980, "ES");
        Assert.Null(Rejection(h.Trade(Command("EX2"), At(10, 32))));
    }
}
