using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Models;

namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>
/// Monte Carlo dropout over the shared policy: <c>passes</c> copies of u in one batched forward pass, each with its
/// own inverted-dropout masks (rate p) on the hidden activations. The masks come from
/// <see cref="DeterministicRandom.Unit"/> seeded with hash(run seed, synergy features seq), never from torch's
/// global generator, so a decision is the same in every run with the same seed and on any thread.
/// </summary>
public static class McDropoutPolicy
{
    public const double DropoutRate = 0.2;

    public static McDropoutResult Run(LoadedModel policy, float[] u, int passes, double temperature, int runSeed, long featuresSeq)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(u);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);

        var inputs = new float[passes * u.Length];
        for (var i = 0; i < passes; i++) Array.Copy(u, 0, inputs, i * u.Length, u.Length);
        var logits = policy.ForwardWithHiddenMasks(inputs, passes, Masks(policy.HiddenWidths, passes, runSeed, featuresSeq));

        var classes = logits.Length / passes;
        var probabilities = new double[passes, classes];
        for (var i = 0; i < passes; i++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < classes; c++) max = Math.Max(max, logits[(i * classes) + c] / temperature);
            var total = 0.0;
            for (var c = 0; c < classes; c++) total += probabilities[i, c] = Math.Exp((logits[(i * classes) + c] / temperature) - max);
            for (var c = 0; c < classes; c++) probabilities[i, c] /= total;
        }

        var mean = new double[classes];
        var std = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            for (var i = 0; i < passes; i++) mean[c] += probabilities[i, c];
            mean[c] /= passes;
            for (var i = 0; i < passes; i++) std[c] += (probabilities[i, c] - mean[c]) * (probabilities[i, c] - mean[c]);
            std[c] = Math.Sqrt(std[c] / passes);
        }

        var entropy = -mean.Where(p => p > 0).Sum(p => p * Math.Log(p));
        return new McDropoutResult(mean, std, entropy);
    }

    /// <summary>One mask per hidden layer, row-major [passes, width]: 0 with probability p, else 1/(1 − p).</summary>
    public static IReadOnlyList<float[]> Masks(IReadOnlyList<int> hiddenWidths, int passes, int runSeed, long featuresSeq)
    {
        var keep = (float)(1 / (1 - DropoutRate));
        var draw = 0L;
        var masks = new List<float[]>(hiddenWidths.Count);
        foreach (var width in hiddenWidths)
        {
            var mask = new float[passes * width];
            for (var j = 0; j < mask.Length; j++) mask[j] = DeterministicRandom.Unit(runSeed, featuresSeq, draw++) < DropoutRate ? 0 : keep;
            masks.Add(mask);
        }

        return masks;
    }
}
