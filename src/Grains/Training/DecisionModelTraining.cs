using AlgoSpace.Grains.Components.Decision;
using AlgoSpace.Grains.Components.Decision.Marl;
using AlgoSpace.Grains.Models;

namespace AlgoSpace.Grains.Training;

/// <summary>What a training run produced, for the command's report.</summary>
public sealed record TrainingSummary(int RegimeWindows, int Synergies, int SynergiesNotReady, int Wins, int Losses, int Unlabelled, IReadOnlyList<ModelManifestEntry> Models);

/// <summary>
/// Turns what <see cref="TrainingDataCollector"/> saw into the four training sets of <see cref="DecisionTrainer"/>
/// and trains in dependency order: the RDE first (its regime vectors are an input of the policy), then the
/// embedders with the policy, then the gate (on the trained embedders' u), then M-RMS. Synergies are labelled by
/// <see cref="TripleBarrierLabeler"/>: the policy and gate learn the bootstrap targets of winners and losers, and
/// M-RMS learns one contract for losers and two for winners with the fallback bracket (1.5 ATR, 2R).
/// </summary>
public static class DecisionModelTraining
{
    /// <summary>ρ of the fallback proposal (size 1 of 5, m_sl 1.5, rr 2, confidence 0.5), component-contracts 2.7 step 5.</summary>
    private static readonly float[] FallbackRiskVector = [1f / 5, 1.5f / 3, 2f / 5, 0.5f, 1f / 5, 1, 1f / 3, 0.5f];

    public static TrainingSummary Train(TrainingDataCollector data, TrainingOptions options, string folder, TripleBarrierLabeler labeler, double initialCapital, double pointValue)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RegimeWindows.Count == 0)
        {
            throw new InvalidOperationException("The training data produced no ready regime window (96 30-minute rows): use more days of data.");
        }

        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "manifest.json");
        var written = new List<ModelManifestEntry> { DecisionTrainer.TrainRde(RegimeSet(data), options, folder) };

        var labelled = data.Synergies
            .Select(s => (Sample: s, Label: labeler.Label(s.Synergy.MarketContext.CurrentPrice, s.Synergy.Direction, s.Synergy.MarketContext.Atr,
                data.Bars.Skip(s.BarIndex).Take(labeler.HorizonBars).ToList())))
            .ToList();
        // No ATR (or no bar after it) means no bracket to judge: such a synergy teaches nothing about outcomes.
        var usable = labelled.Where(l => l.Label.BarsHeld > 0).ToList();
        if (usable.Count == 0)
        {
            throw new InvalidOperationException($"The training data produced no labelled synergy ({data.Synergies.Count} synergies, {data.SynergiesNotReady} before the matrices were ready): use more days of data.");
        }

        var wins = usable.Select(l => l.Label.IsWin ? 1f : 0f).ToArray();
        var regimeVectors = RegimeVectors(folder, manifest, usable.Select(l => l.Sample.Regime));
        written.AddRange(DecisionTrainer.TrainPolicy(PolicySet(usable.Select(l => l.Sample).ToList(), regimeVectors, wins), options, folder));

        var states = GateStates(folder, manifest, usable.Select(l => l.Sample).ToList(), regimeVectors);
        written.Add(DecisionTrainer.TrainGate(new TrainingSet(usable.Count, [new TrainingBlock("state", [144], states)], wins, 1), options, folder));
        written.Add(DecisionTrainer.TrainMrms(RiskSet(usable.Select(l => l.Sample).ToList(), wins, initialCapital, pointValue), options, folder));

        var winCount = (int)wins.Sum();
        return new TrainingSummary(data.RegimeWindows.Count, data.Synergies.Count, data.SynergiesNotReady, winCount, usable.Count - winCount,
            labelled.Count - usable.Count, written);
    }

    private static TrainingSet RegimeSet(TrainingDataCollector data) =>
        new(data.RegimeWindows.Count, [new TrainingBlock("regime", [96, 26], Concat(data.RegimeWindows))], [], 0);

    private static TrainingSet PolicySet(IReadOnlyList<SynergySample> samples, IReadOnlyList<float[]> regimeVectors, float[] wins) =>
        new(samples.Count,
        [
            new TrainingBlock("structure", [48, 8], Concat(samples.Select(s => s.Structure))),
            new TrainingBlock("tactical", [60, 7], Concat(samples.Select(s => s.Tactical))),
            new TrainingBlock("regime", [8], Concat(regimeVectors)),
            new TrainingBlock("lvn", [5], Concat(samples.Select(s => LvnVector.Build(s.Synergy.MarketContext)))),
        ], wins, 1);

    private static TrainingSet RiskSet(IReadOnlyList<SynergySample> samples, float[] wins, double initialCapital, double pointValue)
    {
        // Account state at training time is a fresh account: the sets carry no trading history to mirror.
        var account = AccountStateVector.Build(new AccountLedger(initialCapital, pointValue, 20));
        var inputs = Concat(samples.Select(s => (float[])[.. SynergyVector.Build(s.Synergy), .. account]));
        var labels = wins.SelectMany(w => new[] { w > 0 ? 2f : 1f, 1.5f, 2f }).ToArray();
        return new TrainingSet(samples.Count, [new TrainingBlock("input", [40], inputs)], labels, 3);
    }

    private static List<float[]> RegimeVectors(string folder, string manifest, IEnumerable<float[]> windows)
    {
        using var models = Load(folder, manifest, DecisionArchitectures.Rde);
        var rde = models[DecisionArchitectures.Rde.Name];
        return windows.Select(rde.Forward).ToList();
    }

    private static float[] GateStates(string folder, string manifest, IReadOnlyList<SynergySample> samples, IReadOnlyList<float[]> regimeVectors)
    {
        ModelSpec[] embedders = [DecisionArchitectures.StructureEmbedder, DecisionArchitectures.TacticalEmbedder, DecisionArchitectures.RegimeEmbedder, DecisionArchitectures.LvnEmbedder];
        using var models = Load(folder, manifest, embedders);
        var (structure, tactical, regime, lvn) = (models[embedders[0].Name], models[embedders[1].Name], models[embedders[2].Name], models[embedders[3].Name]);
        // u exactly as the core computes it, then ρ.
        return Concat(samples.Select((s, i) => (float[])
        [
            .. DecisionEngine.Embed(structure, tactical, regime, lvn, s.Structure, s.Tactical, regimeVectors[i], LvnVector.Build(s.Synergy.MarketContext)),
            .. FallbackRiskVector,
        ]));
    }

    private static LoadedModels Load(string folder, string manifest, params ModelSpec[] specs)
    {
        var registry = new ModelLoader().Load(specs.ToDictionary(s => s.Name, s => Path.Combine(folder, s.FileName)), manifest);
        var missing = registry.All.Where(m => m.Status != ModelStatus.Loaded).ToList();
        if (missing.Count > 0)
        {
            registry.Dispose();
            throw new InvalidOperationException($"A model just trained does not load: {string.Join("; ", missing.Select(m => $"{m.Name}: {m.Reason}"))}");
        }

        return new LoadedModels(registry);
    }

    private static float[] Concat(IEnumerable<float[]> rows) => rows.SelectMany(r => r).ToArray();

    private sealed class LoadedModels(ModelRegistry registry) : IDisposable
    {
        public LoadedModel this[string name] => registry.TryGet(name, out var model) ? model : throw new KeyNotFoundException(name);

        public void Dispose() => registry.Dispose();
    }
}
