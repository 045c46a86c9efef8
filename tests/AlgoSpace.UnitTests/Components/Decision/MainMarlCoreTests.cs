using AlgoSpace.Grains.Components.Decision.Marl;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Decision;

public class MainMarlCoreTests
{
    [Fact]
    public async Task A_qualified_synergy_becomes_an_execute_trade_with_all_its_metadata()
    {
        using var h = await MarlHarness.StartAsync();
        await h.SynergyAsync(DecisionFixtures.Synergy());

        var e = Assert.Single(h.Published);
        Assert.Equal("EXECUTE_TRADE", e.Type);
        var trade = (ExecuteTradePayload)e.Payload!;
        Assert.Equal("EX_20240102_103500_001", trade.ExecutionId);
        Assert.Equal(new TradeSpecification("ES", 1, 5000, "TYPE_2"), trade.TradeSpecification);
        // M-RMS with size bias 2 at index 3: 3 contracts, m_sl 1.75, rr 3, ATR 4 → SL 4993, TP 5021, risk 1050, reward 3150.
        var risk = trade.RiskParameters;
        Assert.Equal((3, 4993.0, 5021.0, 100, 1050.0, 3150.0), (risk.PositionSize, risk.StopLoss, risk.TakeProfit, risk.MaxHoldTime, risk.RiskAmount, risk.RewardAmount));
        Assert.Empty(risk.TrailingRules!);
        // Policy bias [2, 0]: p̄₀ = e²/(e² + 1) = 0.880797, s₀ = 0; gate bias [1, 0]: e/(e + 1) = 0.731059.
        var metadata = trade.DecisionMetadata!;
        Assert.Equal(0.880797, metadata.QualificationConfidence, 6);
        Assert.Equal(0, metadata.Uncertainty, 9);
        Assert.Equal(0.731059, metadata.ExecutionConfidence, 6);
        Assert.Equal([0.75, 0, 0, 0, 0, 0, 0, 0], metadata.RegimeContext.Select(v => Math.Round(v, 6)));
        // Entropy of [0.880797, 0.119203] = 0.366 nats.
        Assert.Equal(-(0.880797 * Math.Log(0.880797)) - (0.119203 * Math.Log(0.119203)), metadata.McDropoutMetrics.Entropy, 5);
        // Expected value 0.6·3150 − 0.4·1050 = 1470.
        Assert.Equal(new TrackingData(3, 1470, 1, 1), trade.TrackingData);
        Assert.Equal(["matrix_30m", "matrix_5m", "rde", "matrix_regime", "m_rms"], h.Calls.Calls.Select(c => c.Component));
        Assert.All(h.Calls.Calls.Where(c => c.Request is MatrixRequest), c => Assert.Equal(1500, ((MatrixRequest)c.Request).AsOfSeq));
        var qualification = h.Calls.Calls.Select(c => c.Request).OfType<RiskProposalRequest>().Single().Qualification;
        Assert.Equal((30, 10, "LONG", 4.0), (qualification.SynergyVector.Count, qualification.AccountStateVector.Count, qualification.Direction, qualification.Atr));
    }

    [Fact]
    public async Task Without_its_models_the_core_rejects_every_synergy_and_calls_nobody()
    {
        using var h = await MarlHarness.StartAsync(withModels: false);
        await h.SynergyAsync(DecisionFixtures.Synergy());
        await h.SynergyAsync(DecisionFixtures.Synergy(featuresSeq: 1510));

        Assert.Equal(2, h.Published.Count);
        Assert.All(h.Published, e =>
        {
            var rejected = (TradeRejectedPayload)e.Payload!;
            Assert.Equal("gate2", rejected.Stage);
            Assert.StartsWith("degraded: models not loaded: structure_embedder", rejected.Reasons.Single());
        });
        Assert.Empty(h.Calls.Calls);
        Assert.Single(h.Context.Degraded);
    }

    [Fact]
    public async Task A_policy_that_passes_rejects_at_gate_two_with_its_consensus()
    {
        using var h = await MarlHarness.StartAsync(policyBias: [0, 2]);
        await h.SynergyAsync(DecisionFixtures.Synergy());
        var rejected = h.Last<TradeRejectedPayload>();
        Assert.Equal("gate2", rejected.Stage);
        Assert.Equal(0.119203, rejected.Consensus, 6);
        Assert.Null(rejected.RiskProposalSummary);
        Assert.Equal("TYPE_2@1500@2024-01-02T10:35:00", rejected.SynergyRef);
    }

    [Fact]
    public async Task A_gate_that_declines_rejects_at_gate_two_with_the_proposal()
    {
        using var h = await MarlHarness.StartAsync(gateBias: [0, 1]);
        await h.SynergyAsync(DecisionFixtures.Synergy());
        var rejected = h.Last<TradeRejectedPayload>();
        Assert.Equal("gate2", rejected.Stage);
        Assert.Contains("p(EXECUTE) 0.2689", rejected.Reasons.Single());
        Assert.Contains("size 3", rejected.RiskProposalSummary);
    }

    [Fact]
    public async Task An_invalid_regime_rejects_before_the_policy()
    {
        using var h = await MarlHarness.StartAsync();
        // seq 600 is 100 30-minute bars, under the 200-bar warm-up.
        await h.SynergyAsync(DecisionFixtures.Synergy(featuresSeq: 600));
        var rejected = h.Last<TradeRejectedPayload>();
        Assert.Equal("gate2", rejected.Stage);
        Assert.Contains("regime vector not valid: warming up: 100 of 200", rejected.Reasons.Single());
    }

    [Fact]
    public async Task Open_positions_from_position_updates_fail_the_safety_checks()
    {
        using var h = await MarlHarness.StartAsync();
        await h.SendAsync("POSITION_UPDATE", DecisionFixtures.Position(3, 100_000, 0, DecisionFixtures.Time), DecisionFixtures.Time);
        await h.SynergyAsync(DecisionFixtures.Synergy());
        var rejected = h.Last<TradeRejectedPayload>();
        Assert.Equal("safety", rejected.Stage);
        Assert.Equal("3 positions open; the limit is 3", rejected.Reasons.Single());
    }

    [Fact]
    public async Task The_daily_trade_limit_counts_by_simulation_date()
    {
        var settings = DecisionFixtures.Settings(marl: new MainMarlCoreSettings { Safety = new SafetySettings { MaxDailyTrades = 1 } });
        using var h = await MarlHarness.StartAsync(settings: settings);
        await h.SynergyAsync(DecisionFixtures.Synergy());
        await h.SynergyAsync(DecisionFixtures.Synergy(featuresSeq: 1510, time: DecisionFixtures.Time.AddHours(1)));
        await h.SynergyAsync(DecisionFixtures.Synergy(featuresSeq: 1600, time: DecisionFixtures.Time.AddDays(1)));

        Assert.Equal(["EXECUTE_TRADE", "TRADE_REJECTED", "EXECUTE_TRADE"], h.Published.Select(e => e.Type));
        Assert.Equal("1 trades today; the limit is 1", ((TradeRejectedPayload)h.Published[1].Payload!).Reasons.Single());
        var next = (ExecuteTradePayload)h.Published[2].Payload!;
        Assert.Equal("EX_20240103_103500_002", next.ExecutionId);
        Assert.Equal(new TrackingData(3, 1470, 3, 1), next.TrackingData);
    }

    [Fact]
    public async Task A_failure_while_deciding_rejects_with_stage_error_and_a_non_critical_system_error()
    {
        using var h = await MarlHarness.StartAsync();
        h.Calls.Matrices.Remove("matrix_5m");
        await h.SynergyAsync(DecisionFixtures.Synergy());

        Assert.Equal(["TRADE_REJECTED", "SYSTEM_ERROR"], h.Published.Select(e => e.Type));
        var rejected = (TradeRejectedPayload)h.Published[0].Payload!;
        Assert.Equal("error", rejected.Stage);
        Assert.Contains("no component 'matrix_5m'", rejected.Reasons.Single());
        Assert.False(((SystemErrorPayload)h.Published[1].Payload!).Critical);
    }

    [Fact]
    public async Task Every_tenth_closed_trade_publishes_the_performance()
    {
        using var h = await MarlHarness.StartAsync();
        for (var i = 0; i < 9; i++) await h.SendAsync("TRADE_CLOSED", DecisionFixtures.Closed(i < 6 ? 100 : -50, DecisionFixtures.Time), DecisionFixtures.Time);
        Assert.Empty(h.Published);
        await h.SendAsync("TRADE_CLOSED", DecisionFixtures.Closed(-50, DecisionFixtures.Time), DecisionFixtures.Time);

        // 6 wins of 100 and 4 losses of 50: win rate 0.6, total 400, average 40.
        Assert.Equal(new PerformanceUpdatePayload(10, 0.6, 400, 40), h.Last<PerformanceUpdatePayload>());
    }

    [Fact]
    public async Task The_state_survives_orleans_serialization_and_keeps_the_counters()
    {
        using var h = await MarlHarness.StartAsync();
        await h.SynergyAsync(DecisionFixtures.Synergy());
        var saved = (MarlState)OrleansRoundTrip.Copy(h.Core.SaveState()!);

        using var resumed = await MarlHarness.StartAsync();
        resumed.Core.RestoreState(saved);
        await resumed.SynergyAsync(DecisionFixtures.Synergy(featuresSeq: 1510, time: DecisionFixtures.Time.AddMinutes(5)));

        var trade = resumed.Last<ExecuteTradePayload>();
        Assert.Equal("EX_20240102_104000_002", trade.ExecutionId);
        Assert.Equal(new TrackingData(3, 1470, 2, 2), trade.TrackingData);
    }

    [Fact]
    public async Task A_closed_trade_the_core_did_not_decide_counts_toward_its_day_and_its_execution_numbers()
    {
        // A live restore: the checkpoint was before EX_20240102_101000_001 was decided; the journal tells its close again.
        var settings = DecisionFixtures.Settings(marl: new MainMarlCoreSettings { Safety = new SafetySettings { MaxDailyTrades = 1 } });
        using var h = await MarlHarness.StartAsync(settings: settings);
        await h.SendAsync("TRADE_CLOSED", DecisionFixtures.Closed(100, DecisionFixtures.Time.AddMinutes(-5), executionId: "EX_20240102_101000_001"), DecisionFixtures.Time);
        await h.SendAsync("TRADE_CLOSED", DecisionFixtures.Closed(100, DecisionFixtures.Time.AddMinutes(-5), executionId: "EX_20240102_101000_001"), DecisionFixtures.Time);
        await h.SynergyAsync(DecisionFixtures.Synergy());
        await h.SynergyAsync(DecisionFixtures.Synergy(featuresSeq: 1600, time: DecisionFixtures.Time.AddDays(1)));

        Assert.Equal(["TRADE_REJECTED", "EXECUTE_TRADE"], h.Published.Select(e => e.Type));
        Assert.Equal("1 trades today; the limit is 1", ((TradeRejectedPayload)h.Published[0].Payload!).Reasons.Single());
        Assert.Equal("EX_20240103_103500_002", ((ExecuteTradePayload)h.Published[1].Payload!).ExecutionId);
    }

    [Fact]
    public async Task A_closed_trade_the_core_decided_counts_once_across_a_restore_and_one_of_an_earlier_day_not_at_all()
    {
        var settings = DecisionFixtures.Settings(marl: new MainMarlCoreSettings { Safety = new SafetySettings { MaxDailyTrades = 2 } });
        using var h = await MarlHarness.StartAsync(settings: settings);
        await h.SynergyAsync(DecisionFixtures.Synergy());
        var decided = h.Last<ExecuteTradePayload>().ExecutionId;
        var saved = (MarlState)OrleansRoundTrip.Copy(h.Core.SaveState()!);

        using var resumed = await MarlHarness.StartAsync(settings: settings);
        resumed.Core.RestoreState(saved);
        var later = DecisionFixtures.Time.AddMinutes(30);
        await resumed.SendAsync("TRADE_CLOSED", DecisionFixtures.Closed(100, later, executionId: decided), later);
        await resumed.SendAsync("TRADE_CLOSED", DecisionFixtures.Closed(100, later, executionId: "EX_20240101_150000_007"), later);
        await resumed.SynergyAsync(DecisionFixtures.Synergy(featuresSeq: 1510, time: later.AddMinutes(5)));

        // The second trade of the day: one decided before the checkpoint, one now; the limit of two is not reached before it.
        var trade = resumed.Last<ExecuteTradePayload>();
        Assert.Equal("EX_20240102_111000_002", trade.ExecutionId);
        Assert.Equal(2, trade.TrackingData?.DailyTradeNumber);
    }

    [Fact]
    public void Execution_ids_give_the_day_of_their_decision_with_or_without_an_instrument()
    {
        Assert.True(ExecutionIds.TryParseDay(ExecutionIds.Format(new DateTime(2024, 1, 10, 5, 10, 0), 1001, "NQ"), out var day));
        Assert.Equal(new DateOnly(2024, 1, 10), day);
        Assert.True(ExecutionIds.TryParseDay(ExecutionIds.Format(new DateTime(2024, 1, 11, 5, 10, 0), 3), out day));
        Assert.Equal(new DateOnly(2024, 1, 11), day);
        Assert.False(ExecutionIds.TryParseDay("EX", out _));
        Assert.False(ExecutionIds.TryParseDay("ORD_20240110_051000_001", out _));
    }
}
