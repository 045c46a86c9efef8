using AlgoSpace.Grains.Components.Decision.Rde;
using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Training;

namespace AlgoSpace.Tests.Components.Decision;

public sealed class RegimeDetectorTests : IDisposable
{
    private readonly DecisionModelFolder _folder = new();

    // The rde model with linear0.weight[0,0] = 1 and linear1.weight[0,0] = linear1.weight[1,0] = 1, all else 0:
    // output = [m, m, 0, 0, 0, 0, 0, 0] with m = relu(mean over the 96 rows of column 0); magnitude = m·√2.
    private LoadedModel Model()
    {
        var w0 = new float[32 * 26];
        w0[0] = 1;
        var w1 = new float[8 * 32];
        w1[0] = 1;
        w1[32] = 1;
        _folder.WriteFixed(DecisionArchitectures.Rde, new Dictionary<string, float[]> { ["linear0.weight"] = w0, ["linear1.weight"] = w1 });
        return _folder.Load()["rde"];
    }

    private static MatrixReply Column0(float value, long seq = 1200) => FakeComponentCalls.Ready(96, 26, seq, (_, c) => c == 0 ? value : 0.3f);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_vector_is_valid_only_after_the_warmup_in_thirty_minute_bars()
    {
        var detector = new RegimeDetector(new RdeSettings(), Model());
        // 200 bars · 6 five-minute bars = seq 1200; seq 1199 is bar 199.
        var early = detector.Assess(1199, Column0(0.5f), null, 1).Reply;
        var ready = detector.Assess(1200, Column0(0.5f), null, 1).Reply;

        Assert.False(early.Valid);
        Assert.Equal("warming up: 199 of 200 30-minute bars", early.Reason);
        Assert.All(early.Vector, v => Assert.Equal(0, v));
        Assert.True(ready.Valid);
        Assert.Equal([0.5f, 0.5f, 0, 0, 0, 0, 0, 0], ready.Vector);
        Assert.Equal(0.5 * Math.Sqrt(2), ready.Magnitude, 6);
    }

    [Fact]
    public void A_shift_above_one_raises_a_regime_transition_warning()
    {
        var detector = new RegimeDetector(new RdeSettings { WarmupPeriods = 0 }, Model());
        detector.Assess(10, Column0(0.5f), null, 1);
        // [0.9, 0.9] − [0.5, 0.5]: shift √(2·0.16) = 0.566 → no warning.
        var calm = detector.Assess(11, Column0(0.9f), null, 1);
        // [1.9, 1.9] − [0.9, 0.9]: shift √2 = 1.414 → warning; magnitude 1.9·√2 = 2.687 > 2 → magnitude alert.
        var jump = detector.Assess(12, Column0(1.9f), null, 1);

        Assert.Null(calm.Breach);
        Assert.Equal(Math.Sqrt(0.32), calm.Reply.Shift, 5);
        Assert.NotNull(jump.Breach);
        Assert.Equal("REGIME_TRANSITION_WARNING", jump.Breach.Code);
        Assert.Equal(Math.Sqrt(2), jump.Reply.Shift, 5);
        Assert.Contains(jump.Alerts, a => a.Contains("magnitude 2.687"));
    }

    [Fact]
    public void The_same_question_twice_gets_the_same_answer_and_no_second_alert()
    {
        var detector = new RegimeDetector(new RdeSettings { WarmupPeriods = 0 }, Model());
        detector.Assess(10, Column0(0), null, 1);
        var first = detector.Assess(11, Column0(2), null, 1);
        var again = detector.Assess(11, Column0(2), null, 1);
        Assert.NotNull(first.Breach);
        Assert.Null(again.Breach);
        Assert.Same(first.Reply, again.Reply);
    }

    [Fact]
    public void A_matrix_not_ready_or_no_model_gives_an_invalid_vector_with_the_reason()
    {
        var detector = new RegimeDetector(new RdeSettings(), Model());
        var notReady = detector.Assess(1500, MatrixReply.NotReady(96, 26, 3, "12 of 96 rows"), null, 1).Reply;
        var noModel = new RegimeDetector(new RdeSettings(), null).Assess(1500, Column0(1), null, 1).Reply;

        Assert.False(notReady.Valid);
        Assert.Contains("12 of 96 rows", notReady.Reason);
        Assert.False(noModel.Valid);
        Assert.Equal(8, noModel.Vector.Length);
        Assert.Contains("not loaded", noModel.Reason);
    }

    [Fact]
    public async Task The_component_asks_the_regime_assembler_by_kind_and_publishes_the_breach()
    {
        var settings = DecisionFixtures.Settings(rde: new RdeSettings { WarmupPeriods = 0 });
        var context = new RecordingComponentContext("rde", settings, [], ["RISK_BREACH", "SYSTEM_ERROR"]) { Models = new Dictionary<string, LoadedModel> { ["rde"] = Model() } };
        var calls = new FakeComponentCalls();
        var column0 = 0f;
        calls.Matrices["matrix_regime"] = r => Column0(column0, r.AsOfSeq);
        context.Calls = calls;
        var rde = new RegimeDetectionEngine(context);

        var first = (RegimeVectorReply)await rde.AnswerAsync(new RegimeVectorRequest(6), default);
        column0 = 2;
        var second = (RegimeVectorReply)await rde.AnswerAsync(new RegimeVectorRequest(12), default);

        Assert.True(first.Valid);
        Assert.Equal(2 * Math.Sqrt(2), second.Shift, 5);
        Assert.Equal(["matrix_regime", "matrix_regime"], calls.Calls.Select(c => c.Component));
        var breach = Assert.Single(context.RecordingBus.Published);
        Assert.Equal("REGIME_TRANSITION_WARNING", ((RiskBreachPayload)breach.Payload!).Code);
    }

    [Fact]
    public async Task Without_its_model_the_component_answers_invalid_and_reports_one_non_critical_error()
    {
        var context = new RecordingComponentContext("rde", DecisionFixtures.Settings(), [], ["RISK_BREACH", "SYSTEM_ERROR"]);
        var rde = new RegimeDetectionEngine(context);

        var first = (RegimeVectorReply)await rde.AnswerAsync(new RegimeVectorRequest(1500), default);
        var second = (RegimeVectorReply)await rde.AnswerAsync(new RegimeVectorRequest(1506), default);

        Assert.False(first.Valid);
        Assert.False(second.Valid);
        var error = Assert.Single(context.RecordingBus.Published);
        var payload = (SystemErrorPayload)error.Payload!;
        Assert.False(payload.Critical);
        Assert.Equal("ModelMissing", payload.ErrorType);
        Assert.Single(context.Degraded);
    }
}
