using AlgoSpace.Grains.Components.Decision;
using AlgoSpace.Grains.Components.Decision.Marl;
using AlgoSpace.Grains.Components.Decision.Risk;
using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Tests.Components.Decision;

public class DecisionVectorTests
{
    [Fact]
    public void The_synergy_vector_follows_the_code_layout()
    {
        var v = SynergyVector.Build(DecisionFixtures.Synergy());

        float[] expected =
        [
            0, 1, 0, 0,             // TYPE_2
            1, 1,                   // long, constant
            1.3f / 3,               // mean strength (0.6 + 0.5 + 0.2)/3
            0.5f, 0.7f, 0.25f,      // volatility 25/50, volume ratio 1.4/2, momentum 2.5/10
            0.6f, 0.25f,            // rsi 60/100, spread
            0.5f, 0.5f, 0.5f, 0.5f, 0.5f,
            0.6f, 0.6f, 1,          // mlmi (80 − 50)/50, strength
            0.2f, 0.2f, 1,          // fvg 0.002/0.01, strength
            0.5f, 0.5f, 1,          // nwrqk slope 1/2, strength
            0.5f, 0.4f, 1, 0.5f,    // reserved, bars 4/10, constant, reserved
        ];
        Assert.Equal(30, v.Length);
        for (var i = 0; i < 30; i++) Assert.True(Math.Abs(expected[i] - v[i]) < 1e-6, $"index {i}: expected {expected[i]}, got {v[i]}");
    }

    [Fact]
    public void The_lvn_vector_is_strength_distance_side_and_their_product()
    {
        // s = 70/100, dₙ = min(10/50, 1) = 0.2, (5000 − 4990)/5000 = 0.002, 5000 > 4990, 0.7·(1 − 0.2) = 0.56.
        var v = LvnVector.Build(DecisionFixtures.Synergy().MarketContext);
        Assert.Equal([0.7f, 0.2f, 0.002f, 1f, 0.56f], v);
    }

    [Fact]
    public void The_account_vector_reads_the_live_account()
    {
        // Trades +300, −200, +100 with 6-point stops on 1 ES contract (planned risk 300 USD): R = 1, −2/3, 1/3.
        // Equity 100,300 → 100,100 → 100,200; peak 100,300: drawdown 100/100,300, max 200/100,300.
        // Win rate 2/3; profit factor 400/200 = 2; Sortino mean 200/3 over √(200²/3) = 0.57735; 3 trades → 0.03; mean R 2/9.
        var ledger = new AccountLedger(100_000, 50, 20);
        ledger.OnTradeClosed(DecisionFixtures.Closed(300, DecisionFixtures.Time));
        ledger.OnTradeClosed(DecisionFixtures.Closed(-200, DecisionFixtures.Time));
        ledger.OnTradeClosed(DecisionFixtures.Closed(100, DecisionFixtures.Time));

        var v = AccountStateVector.Build(ledger);

        double[] expected = [1.002, 100 / 100_300.0, 200 / 100_300.0, 2 / 3.0, 2, 0.57735, 0.03, 2 / 9.0, 0.5, 0.5];
        for (var i = 0; i < 10; i++) Assert.True(Math.Abs(expected[i] - v[i]) < 1e-5, $"index {i}: expected {expected[i]}, got {v[i]}");
    }

    [Fact]
    public void Without_trades_the_account_statistics_are_neutral()
    {
        var v = AccountStateVector.Build(new AccountLedger(100_000, 50, 20));
        Assert.Equal([1, 0, 0, 0.5f, 1, 0, 0, 0, 0.5f, 0.5f], v);
    }

    [Fact]
    public void The_risk_vector_scales_the_proposal()
    {
        // Size 3, m_sl 1.75, rr 3, confidence 0.596418: [3/5, 1.75/3, 3/5, 0.596418, 3/5, 1, min(1, 1), 0.5].
        var proposal = new RiskProposalCalculator(new MRmsSettings(), 5000, new InstrumentTable())
            .Propose(DecisionFixtures.Qualification(), RiskModelOutput.FromRaw([0, 0, 0, 2, 0, 0, 0, 0]), false, 100_000, 0, 0);
        var v = RiskVector.Build(proposal, 5);
        double[] expected = [0.6, 1.75 / 3, 0.6, 0.596418, 0.6, 1, 1, 0.5];
        for (var i = 0; i < 8; i++) Assert.True(Math.Abs(expected[i] - v[i]) < 1e-5, $"index {i}: expected {expected[i]}, got {v[i]}");
    }

    [Theory]
    [InlineData(1, "EX_20240102_103507_001")]
    [InlineData(1000, "EX_20240102_103507_000")]
    [InlineData(1234, "EX_20240102_103507_234")]
    public void Execution_ids_carry_the_simulation_time_and_a_number(long number, string expected) =>
        Assert.Equal(expected, ExecutionIds.Format(new DateTime(2024, 1, 2, 10, 35, 7), number));

    public static TheoryData<int, int, double, bool, int, string> SafetyCases => new()
    {
        { 10, 0, 0, false, 1, "10 trades today" },
        { 0, 3, 0, false, 1, "3 positions open" },
        { 0, 0, -5000, false, 1, "the day's P&L is -5000.00 USD" },
        { 0, 0, 0, true, 1, "the risk proposal was rejected" },
        { 0, 0, 0, false, 0, "the proposed size is 0 contracts" },
    };

    [Theory]
    [MemberData(nameof(SafetyCases))]
    public void Each_safety_check_rejects_on_its_own(int dailyTrades, int open, double dayPnl, bool rejected, int size, string reason)
    {
        var proposal = Proposal(size, rejected);
        var failures = SafetyChecks.Failures(DecisionFixtures.Settings(), dailyTrades, open, dayPnl, proposal);
        Assert.Contains(reason, Assert.Single(failures));
        Assert.Empty(SafetyChecks.Failures(DecisionFixtures.Settings(), 9, 2, -4999, Proposal(1, false)));
    }

    [Fact]
    public void The_component_of_a_kind_is_found_for_the_current_mode()
    {
        var settings = DecisionFixtures.Settings();
        Assert.Equal("matrix_regime", ComponentDirectory.NameOfKind(settings, "matrix_assembler_regime"));
        var error = Assert.Throws<AlgoSpace.Grains.Components.ComponentCallException>(() => ComponentDirectory.NameOfKind(settings, "synergy_detector"));
        Assert.Contains("no component of kind 'synergy_detector'", error.Message);
    }

    private static RiskProposal Proposal(int size, bool rejected) =>
        new(size, 4994, 5012, 300, 600, 2, 1.5, 0.5, "LONG", 5000, 4, rejected, rejected ? "limit" : null, true,
            new RiskMetrics(6, 12, 300, 600, 5, size / 5.0, 0.3), [0, 1, 0, 0, 0, 0], new RiskValidation(!rejected, true, true, true));
}
