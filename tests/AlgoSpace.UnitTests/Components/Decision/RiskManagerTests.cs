using AlgoSpace.Grains.Components.Decision.Risk;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Training;

namespace AlgoSpace.Tests.Components.Decision;

public class RiskManagerTests
{
    [Fact]
    public void A_real_model_with_fixed_weights_drives_the_proposal()
    {
        // All weights 0, output bias [0,0,0,2,0,0,0,0]: size 3, m_sl 1.75, rr 3 (hand-worked in RiskProposalCalculatorTests).
        using var folder = new DecisionModelFolder();
        folder.WriteFixed(DecisionArchitectures.Mrms, new Dictionary<string, float[]> { ["linear2.bias"] = [0, 0, 0, 2, 0, 0, 0, 0] });
        var manager = new RiskManager(DecisionFixtures.Settings(), folder.Load()["mrms"]);

        var p = manager.Propose(DecisionFixtures.Qualification());

        Assert.False(p.Fallback);
        Assert.Equal(3, p.PositionSize);
        Assert.Equal(4993, p.StopLossPrice);
        Assert.Equal(5021, p.TakeProfitPrice);
    }

    [Fact]
    public void Without_a_model_the_fixed_fallback_is_used()
    {
        var p = new RiskManager(DecisionFixtures.Settings(), null).Propose(DecisionFixtures.Qualification());
        Assert.True(p.Fallback);
        Assert.Equal(1, p.PositionSize);
        Assert.Equal(1.5, p.SlAtrMultiplier);
        // slDist = 1.5·4 = 6 → SL 4994; tp = 2·6 = 12 → TP 5012.
        Assert.Equal(4994, p.StopLossPrice);
        Assert.Equal(5012, p.TakeProfitPrice);
    }

    [Fact]
    public void A_model_failure_falls_back_and_says_why()
    {
        using var folder = new DecisionModelFolder();
        folder.WriteSeeded(DecisionArchitectures.Mrms, 3);
        var manager = new RiskManager(DecisionFixtures.Settings(), folder.Load()["mrms"]);
        var bad = DecisionFixtures.Qualification() with { SynergyVector = new float[29] };

        var p = manager.Propose(bad);

        Assert.True(p.Fallback);
        Assert.Equal(1, p.PositionSize);
        Assert.Contains("29 synergy", manager.LastModelFailure);
    }

    [Fact]
    public void The_account_mirror_feeds_the_hard_limits()
    {
        var manager = new RiskManager(DecisionFixtures.Settings(), null);
        manager.OnEvent(DecisionFixtures.Position(3, 100_000, 0, DecisionFixtures.Time));
        var p = manager.Propose(DecisionFixtures.Qualification());
        Assert.True(p.Rejected);
        Assert.Contains("3 positions are open", p.RejectionReason);
    }

    [Fact]
    public void A_drawdown_warning_is_raised_once_per_day()
    {
        var manager = new RiskManager(DecisionFixtures.Settings(), null);
        // Limit −6 % of 94,000 = −5,640; the day's −6,000 reaches it.
        Assert.Null(manager.OnEvent(DecisionFixtures.Position(0, 97_000, -3000, DecisionFixtures.Time)));
        var breach = manager.OnEvent(DecisionFixtures.Position(0, 94_000, -6000, DecisionFixtures.Time.AddMinutes(5)));
        Assert.NotNull(breach);
        Assert.Equal("DRAWDOWN_WARNING", breach.Code);
        Assert.Equal("-5640.00", breach.Context["limit"]);
        Assert.Null(manager.OnEvent(DecisionFixtures.Position(0, 93_000, -7000, DecisionFixtures.Time.AddMinutes(10))));
        Assert.NotNull(manager.OnEvent(DecisionFixtures.Position(0, 87_000, -6000, DecisionFixtures.Time.AddDays(1))));
    }

    [Fact]
    public void The_state_survives_orleans_serialization()
    {
        var manager = new RiskManager(DecisionFixtures.Settings(), null);
        manager.OnEvent(DecisionFixtures.Closed(250, DecisionFixtures.Time));
        manager.OnEvent(DecisionFixtures.Position(1, 100_250, 250, DecisionFixtures.Time));

        var restored = new RiskManager(DecisionFixtures.Settings(), null);
        restored.RestoreState((RiskManagerState)OrleansRoundTrip.Copy(manager.SaveState()));

        Assert.Equal(100_250, restored.Ledger.Equity);
        Assert.Equal(1, restored.Ledger.OpenPositions);
        Assert.Single(restored.Ledger.Outcomes);
        Assert.Equal(250, restored.Ledger.DayPnl(DateOnly.FromDateTime(DecisionFixtures.Time)));
    }

    [Fact]
    public async Task The_component_answers_a_risk_proposal_call()
    {
        var context = new RecordingComponentContext("m_rms", DecisionFixtures.Settings(), ["TRADE_CLOSED", "POSITION_UPDATE"], ["RISK_BREACH"]);
        var component = new MRms(context);

        var reply = (RiskProposalReply)await component.AnswerAsync(new RiskProposalRequest(DecisionFixtures.Qualification()), default);

        Assert.True(reply.Proposal.Fallback);
        Assert.Single(context.Degraded);
    }
}
