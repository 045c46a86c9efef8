using AlgoSpace.Grains.Models;
using static TorchSharp.torch;

namespace AlgoSpace.Grains.Training;

/// <summary>
/// Plain, deterministic training of the decision models (component-contracts 6), from in-memory datasets, writing
/// each model and its manifest entry into a folder with <see cref="ModelWriter"/>. The same options and data give
/// byte-identical files. The policy and gate use the biased bootstrap of 6.4: soft targets
/// p(QUALIFY) = p(EXECUTE) = <see cref="TrainingOptions.WinTarget"/> (0.9) for winning samples and
/// <see cref="TrainingOptions.LossTarget"/> (0.7) for losing ones, so both qualify and execute nearly every synergy
/// while still ranking winners above losers.
/// </summary>
public static class DecisionTrainer
{
    /// <summary>
    /// The RDE as a plain autoencoder: encoder = the rde model (mean over time, 26 → 32 → 8), decoder 8 → 32 → 26
    /// reconstructing the time-mean of the matrix (what the encoder sees), MSE. Block "regime" [96, 26]; no labels.
    /// </summary>
    public static ModelManifestEntry TrainRde(TrainingSet set, TrainingOptions options, string folder)
    {
        ArgumentNullException.ThrowIfNull(set);
        var spec = DecisionArchitectures.Rde;
        var block = set.Block("regime", 96, 26);
        using var generator = TrainingRun.Start(options);
        using var encoder = ArchitectureBuilder.Build(spec.Architecture, generator);
        using var decoder = ArchitectureBuilder.Build(DecisionArchitectures.RdeDecoder, generator);
        using var matrices = TrainingRun.AsTensor(block, set.Count);
        using var means = matrices.mean([1L]);
        TrainingRun.Fit(set.Count, options, generator, [.. encoder.parameters(), .. decoder.parameters()], batch =>
        {
            var target = TrainingRun.Rows(means, batch);
            return nn.functional.mse_loss(decoder.call(encoder.call(TrainingRun.Rows(matrices, batch))), target);
        });
        return TrainingRun.Save(encoder, spec, folder, options.Version);
    }

    /// <summary>
    /// The four embedders and the shared policy, jointly: u = structure ‖ tactical ‖ regime ‖ lvn embeddings, the
    /// policy with dropout 0.2 on its hidden layer (masks from the seeded generator), soft cross-entropy against the
    /// bootstrap targets. Blocks "structure" [48, 8], "tactical" [60, 7], "regime" [8], "lvn" [5]; one label per
    /// sample, 1 for a winning trade and 0 for a losing one. Writes five models.
    /// </summary>
    public static IReadOnlyList<ModelManifestEntry> TrainPolicy(TrainingSet set, TrainingOptions options, string folder)
    {
        ArgumentNullException.ThrowIfNull(set);
        set.RequireLabels(1);
        var specs = new[] { DecisionArchitectures.StructureEmbedder, DecisionArchitectures.TacticalEmbedder, DecisionArchitectures.RegimeEmbedder, DecisionArchitectures.LvnEmbedder };
        var blocks = new[] { set.Block("structure", 48, 8), set.Block("tactical", 60, 7), set.Block("regime", 8), set.Block("lvn", 5) };
        using var generator = TrainingRun.Start(options);
        var embedders = specs.Select(s => ArchitectureBuilder.Build(s.Architecture, generator)).ToArray();
        using var policy = ArchitectureBuilder.Build(DecisionArchitectures.SharedPolicy.Architecture, generator);
        var inputs = blocks.Select(b => TrainingRun.AsTensor(b, set.Count)).ToArray();
        using var targets = BootstrapTargets(set.Labels, options);
        try
        {
            var hidden = DecisionArchitectures.SharedPolicy.Architecture.Layers[1];
            TrainingRun.Fit(set.Count, options, generator, [.. embedders.SelectMany(e => e.parameters()), .. policy.parameters()], batch =>
            {
                var u = cat(embedders.Select((e, i) => e.call(TrainingRun.Rows(inputs[i], batch))).ToArray(), 1);
                var mask = TrainingRun.DropoutMask(batch.shape[0], hidden, 0.2, generator);
                return TrainingRun.SoftCrossEntropy(HiddenMaskForward.Run(policy, u, [mask]), TrainingRun.Rows(targets, batch));
            });

            var written = specs.Select((s, i) => TrainingRun.Save(embedders[i], s, folder, options.Version)).ToList();
            written.Add(TrainingRun.Save(policy, DecisionArchitectures.SharedPolicy, folder, options.Version));
            return written;
        }
        finally
        {
            foreach (var e in embedders) e.Dispose();
            foreach (var t in inputs) t.Dispose();
        }
    }

    /// <summary>The decision gate on [u, ρ]: block "state" [144]; one label per sample, 1 winning, 0 losing.</summary>
    public static ModelManifestEntry TrainGate(TrainingSet set, TrainingOptions options, string folder)
    {
        ArgumentNullException.ThrowIfNull(set);
        set.RequireLabels(1);
        var spec = DecisionArchitectures.DecisionGate;
        using var generator = TrainingRun.Start(options);
        using var gate = ArchitectureBuilder.Build(spec.Architecture, generator);
        using var states = TrainingRun.AsTensor(set.Block("state", 144), set.Count);
        using var targets = BootstrapTargets(set.Labels, options);
        TrainingRun.Fit(set.Count, options, generator, gate.parameters(), batch =>
            TrainingRun.SoftCrossEntropy(gate.call(TrainingRun.Rows(states, batch)), TrainingRun.Rows(targets, batch)));
        return TrainingRun.Save(gate, spec, folder, options.Version);
    }

    /// <summary>
    /// The M-RMS heads packed in one output (sizes 0-5, stop, target): block "input" [40] (synergy ‖ account); three
    /// labels per sample: the size class (0-5), the stop multiplier m_sl (0.5-3) and the reward ratio rr (1-5).
    /// Loss: cross-entropy on the size logits plus the mean squared error of 0.5 + 2.5σ(out₆) against m_sl and of
    /// 1 + 4σ(out₇) against rr.
    /// </summary>
    public static ModelManifestEntry TrainMrms(TrainingSet set, TrainingOptions options, string folder)
    {
        ArgumentNullException.ThrowIfNull(set);
        set.RequireLabels(3);
        for (var i = 0; i < set.Count; i++)
        {
            var size = set.Labels[3 * i];
            if (size is < 0 or > 5 || size != MathF.Round(size)) throw new ArgumentException($"sample {i}: size class {size} is not an integer 0-5");
        }

        var spec = DecisionArchitectures.Mrms;
        using var generator = TrainingRun.Start(options);
        using var model = ArchitectureBuilder.Build(spec.Architecture, generator);
        using var inputs = TrainingRun.AsTensor(set.Block("input", 40), set.Count);
        using var labels = tensor(set.Labels, [set.Count, 3]);
        using var sizes = labels.select(1, 0).to_type(ScalarType.Int64);
        using var stops = labels.select(1, 1);
        using var ratios = labels.select(1, 2);
        TrainingRun.Fit(set.Count, options, generator, model.parameters(), batch =>
        {
            var output = model.call(TrainingRun.Rows(inputs, batch));
            var sizeLoss = nn.functional.cross_entropy(output.narrow(1, 0, 6), TrainingRun.Rows(sizes, batch));
            var stop = output.select(1, 6).sigmoid().mul(2.5).add(0.5);
            var ratio = output.select(1, 7).sigmoid().mul(4).add(1);
            return sizeLoss
                .add(nn.functional.mse_loss(stop, TrainingRun.Rows(stops, batch)))
                .add(nn.functional.mse_loss(ratio, TrainingRun.Rows(ratios, batch)));
        });
        return TrainingRun.Save(model, spec, folder, options.Version);
    }

    /// <summary>[p, 1 − p] per sample: p = the win target for label 1, the loss target otherwise.</summary>
    private static Tensor BootstrapTargets(float[] labels, TrainingOptions options)
    {
        var values = new float[labels.Length * 2];
        for (var i = 0; i < labels.Length; i++)
        {
            var p = (float)(labels[i] > 0.5f ? options.WinTarget : options.LossTarget);
            values[2 * i] = p;
            values[(2 * i) + 1] = 1 - p;
        }

        return tensor(values, [labels.Length, 2]);
    }
}
