using AlgoSpace.Grains.Components.Decision.Risk;
using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Tests.Components.Decision;

public class RiskProposalCalculatorTests
{
    // Size logits with index 3 at 2 and the others at 0; stop and target logits 0:
    // size 3, p = e²/(e² + 5) = 7.389056/12.389056 = 0.596418; m_sl = 0.5 + 2.5·0.5 = 1.75; rr = 1 + 4·0.5 = 3.
    private static readonly RiskModelOutput ThreeContracts = RiskModelOutput.FromRaw([0, 0, 0, 2, 0, 0, 0, 0]);

    private static RiskProposalCalculator Calculator(MRmsSettings? settings = null) => new(settings ?? new MRmsSettings(), 5000, new InstrumentTable());

    [Fact]
    public void Model_output_is_read_as_size_stop_and_target()
    {
        Assert.Equal(3, ThreeContracts.Size);
        Assert.Equal(0.596418, ThreeContracts.Confidence, 6);
        Assert.Equal(1.75, ThreeContracts.StopMultiplier, 12);
        Assert.Equal(3.0, ThreeContracts.RewardRatio, 12);
    }

    [Fact]
    public void A_long_is_bracketed_below_and_above_the_entry_with_risk_in_dollars()
    {
        // ES: tick 0.25, $50/pt. slDist = 1.75·4 = 7 → SL 4993; tpDist = 3·7 = 21 → TP 5021.
        // risk = 7·50·3 = 1050; reward = 21·50·3 = 3150; 2 % of 100,000 = 2000 allows floor(2000/350) = 5 contracts.
        var p = Calculator().Propose(DecisionFixtures.Qualification(), ThreeContracts, false, 100_000, 0, 0);
        Assert.False(p.Rejected);
        Assert.Equal(3, p.PositionSize);
        Assert.Equal(4993, p.StopLossPrice);
        Assert.Equal(5021, p.TakeProfitPrice);
        Assert.Equal(1050, p.RiskAmount, 9);
        Assert.Equal(3150, p.RewardAmount, 9);
        Assert.Equal(3, p.RiskRewardRatio, 9);
        Assert.Equal(0.596418, p.ConfidenceScore, 6);
        Assert.Equal(5, p.RiskMetrics.MaxPositionAllowed);
        Assert.Equal(1.05, p.RiskMetrics.RiskPercentage, 9);
        Assert.Equal(0.6, p.RiskMetrics.PositionUtilization, 9);
        Assert.True(p.Validation.IsValid);
    }

    [Fact]
    public void The_fallback_rounds_a_long_bracket_to_the_nearest_tick()
    {
        // Fallback: m_sl 1.5, rr 2, ATR 3.1: slDist 4.65 → 4995.35 → 19981.4 ticks → 4995.25;
        // tpDist 9.3 → 5009.3 → 20037.2 ticks → 5009.25. Risk on the rounded stop: 4.75·50 = 237.5; reward 9.25·50 = 462.5.
        var p = Calculator().Propose(DecisionFixtures.Qualification(atr: 3.1), RiskModelOutput.Fallback, true, 100_000, 0, 0);
        Assert.Equal(1, p.PositionSize);
        Assert.Equal(4995.25, p.StopLossPrice);
        Assert.Equal(5009.25, p.TakeProfitPrice);
        Assert.Equal(237.5, p.RiskAmount, 9);
        Assert.Equal(462.5, p.RewardAmount, 9);
        Assert.Equal(9.25 / 4.75, p.RiskRewardRatio, 9);
        Assert.True(p.Fallback);
        Assert.Equal(0.5, p.ConfidenceScore);
    }

    [Fact]
    public void A_short_is_mirrored_and_rounded_to_the_nearest_tick()
    {
        // SL 5000 + 4.65 = 5004.65 → 20018.6 ticks → 5004.75; TP 5000 − 9.3 = 4990.7 → 19962.8 ticks → 4990.75.
        var p = Calculator().Propose(DecisionFixtures.Qualification("SHORT", atr: 3.1), RiskModelOutput.Fallback, true, 100_000, 0, 0);
        Assert.Equal(5004.75, p.StopLossPrice);
        Assert.Equal(4990.75, p.TakeProfitPrice);
        Assert.Equal(237.5, p.RiskAmount, 9);
        Assert.Equal("SHORT", p.TradeDirection);
    }

    [Fact]
    public void Risk_above_two_percent_of_equity_scales_the_size_down()
    {
        // 2 % of 20,000 = 400; one contract risks 7·50 = 350 → floor(400/350) = 1 contract instead of 3.
        var p = Calculator().Propose(DecisionFixtures.Qualification(), ThreeContracts, false, 20_000, 0, 0);
        Assert.False(p.Rejected);
        Assert.Equal(1, p.PositionSize);
        Assert.Equal(350, p.RiskAmount, 9);
        Assert.Equal(1, p.RiskMetrics.MaxPositionAllowed);
    }

    [Fact]
    public void A_single_contract_over_the_risk_limit_is_rejected()
    {
        // 2 % of 10,000 = 200 < 350 for one contract.
        var p = Calculator().Propose(DecisionFixtures.Qualification(), ThreeContracts, false, 10_000, 0, 0);
        Assert.True(p.Rejected);
        Assert.Equal(0, p.PositionSize);
        Assert.Contains("one contract risks 350.00 USD", p.RejectionReason);
        Assert.False(p.Validation.IsValid);
    }

    [Fact]
    public void A_trade_that_could_pass_the_daily_drawdown_limit_is_rejected()
    {
        // 6 % of 100,000 = 6,000. Day −5,000 − risk 1,050 = −6,050 < −6,000 → reject; day −4,900 → −5,950 → allowed.
        var rejected = Calculator().Propose(DecisionFixtures.Qualification(), ThreeContracts, false, 100_000, -5000, 0);
        var allowed = Calculator().Propose(DecisionFixtures.Qualification(), ThreeContracts, false, 100_000, -4900, 0);
        Assert.True(rejected.Rejected);
        Assert.Contains("daily drawdown limit", rejected.RejectionReason);
        Assert.False(allowed.Rejected);
    }

    [Fact]
    public void Three_open_positions_reject_and_two_do_not()
    {
        Assert.True(Calculator().Propose(DecisionFixtures.Qualification(), ThreeContracts, false, 100_000, 0, 3).Rejected);
        Assert.False(Calculator().Propose(DecisionFixtures.Qualification(), ThreeContracts, false, 100_000, 0, 2).Rejected);
    }

    [Fact]
    public void A_size_above_the_maximum_is_capped()
    {
        var p = Calculator(new MRmsSettings { MaxPositionSize = 2 }).Propose(DecisionFixtures.Qualification(), ThreeContracts, false, 100_000, 0, 0);
        Assert.False(p.Rejected);
        Assert.Equal(2, p.PositionSize);
        Assert.Equal(700, p.RiskAmount, 9);
        Assert.True(p.Validation.PositionWithinLimits);
    }

    [Theory]
    [InlineData("UP", 5000, 4, "direction 'UP'")]
    [InlineData("LONG", 5000, 0, "ATR 0")]
    [InlineData("LONG", -1, 4, "entry price -1")]
    public void Bad_input_is_rejected_with_a_reason_naming_it(string direction, double entry, double atr, string expected)
    {
        var p = Calculator().Propose(DecisionFixtures.Qualification(direction, entry, atr), ThreeContracts, false, 100_000, 0, 0);
        Assert.True(p.Rejected);
        Assert.Contains(expected, p.RejectionReason);
    }
}
