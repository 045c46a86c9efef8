using AlgoSpace.Grains.Components.Decision.Marl;
using AlgoSpace.Grains.Components.Decision.Rde;
using AlgoSpace.Grains.Components.Decision.Risk;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Models;
using AlgoSpace.Grains.Training;

namespace AlgoSpace.Tests.Components.Decision;

/// <summary>
/// The Main MARL Core with real models and real callees: the M-RMS and the RDE are the real components (each with
/// its own recording context), the matrix assemblers are fakes answering ready matrices.
/// Policy and gate have zero weights and chosen output biases, so their probabilities are softmax(bias).
/// </summary>
internal sealed class MarlHarness : IDisposable
{
    private readonly DecisionModelFolder _folder = new();

    private MarlHarness()
    {
    }

    public MainMarlCore Core { get; private set; } = null!;
    public RecordingComponentContext Context { get; private set; } = null!;
    public FakeComponentCalls Calls { get; } = new();

    public List<EventEnvelope> Published => Context.RecordingBus.Published;

    /// <param name="policyBias">Output bias of the shared policy [QUALIFY, PASS].</param>
    /// <param name="gateBias">Output bias of the decision gate [EXECUTE, SKIP].</param>
    /// <param name="withModels">False: no MARL models at all (degraded).</param>
    public static async Task<MarlHarness> StartAsync(float[]? policyBias = null, float[]? gateBias = null, bool withModels = true, AlgoSpaceSettings? settings = null)
    {
        var h = new MarlHarness();
        settings ??= DecisionFixtures.Settings();
        var f = h._folder;
        f.WriteSeeded(DecisionArchitectures.StructureEmbedder, 1);
        f.WriteSeeded(DecisionArchitectures.TacticalEmbedder, 2);
        f.WriteSeeded(DecisionArchitectures.RegimeEmbedder, 3);
        f.WriteSeeded(DecisionArchitectures.LvnEmbedder, 4);
        f.WriteFixed(DecisionArchitectures.SharedPolicy, new Dictionary<string, float[]> { ["linear1.bias"] = policyBias ?? [2, 0] });
        f.WriteFixed(DecisionArchitectures.DecisionGate, new Dictionary<string, float[]> { ["linear1.bias"] = gateBias ?? [1, 0] });
        f.WriteFixed(DecisionArchitectures.Mrms, new Dictionary<string, float[]> { ["linear2.bias"] = [0, 0, 0, 2, 0, 0, 0, 0] });
        var w0 = new float[32 * 26];
        w0[0] = 1;
        var w1 = new float[8 * 32];
        w1[0] = 1;
        f.WriteFixed(DecisionArchitectures.Rde, new Dictionary<string, float[]> { ["linear0.weight"] = w0, ["linear1.weight"] = w1 });
        var models = f.Load();

        var mrms = new MRms(new RecordingComponentContext("m_rms", settings, [], ["RISK_BREACH"])
        {
            Models = new Dictionary<string, LoadedModel> { ["mrms"] = models["mrms"] },
        });
        var rde = new RegimeDetectionEngine(new RecordingComponentContext("rde", settings, [], ["RISK_BREACH", "SYSTEM_ERROR"])
        {
            Models = new Dictionary<string, LoadedModel> { ["rde"] = models["rde"] },
            Calls = h.Calls,
        });
        h.Calls.Components["m_rms"] = mrms;
        h.Calls.Components["rde"] = rde;
        h.Calls.Matrices["matrix_30m"] = r => FakeComponentCalls.Ready(48, 8, r.AsOfSeq, (row, c) => 0.01f * ((row + c) % 7));
        h.Calls.Matrices["matrix_5m"] = r => FakeComponentCalls.Ready(60, 7, r.AsOfSeq, (row, c) => 0.02f * ((row * c) % 5));
        // Column 0 of the regime matrix is 0.75, so the regime vector is [0.75, 0, 0, 0, 0, 0, 0, 0].
        h.Calls.Matrices["matrix_regime"] = r => FakeComponentCalls.Ready(96, 26, r.AsOfSeq, (_, c) => c == 0 ? 0.75f : 0.1f);

        h.Context = new RecordingComponentContext("main_marl_core", settings, ["SYNERGY_DETECTED", "TRADE_CLOSED", "POSITION_UPDATE"],
            ["EXECUTE_TRADE", "TRADE_REJECTED", "PERFORMANCE_UPDATE", "SYSTEM_ERROR"])
        {
            Models = withModels ? models.Where(m => DecisionModels.Names.Contains(m.Key)).ToDictionary() : new Dictionary<string, LoadedModel>(),
            Calls = h.Calls,
        };
        h.Core = new MainMarlCore(h.Context);
        return h;
    }

    private long _seq;

    public async Task SendAsync(string type, EventPayload payload, DateTime time) =>
        await Core.HandleAsync(new EventEnvelope(type, ++_seq, time, "test", $"test:{_seq}", payload), default);

    public Task SynergyAsync(SynergyDetectedPayload synergy) => SendAsync("SYNERGY_DETECTED", synergy, synergy.Timestamp);

    public T Last<T>() where T : EventPayload => (T)Published.Last(e => e.Payload is T).Payload!;

    public void Dispose() => _folder.Dispose();
}
