namespace AlgoSpace.Grains.Components.Decision.Risk;

/// <summary>
/// The M-RMS model's three heads, packed into one output of 8 values so that one small MLP (40 → 128 → 64 → 8) is
/// one model file: values 0-5 are the size logits (0-5 contracts), 6 the stop logit and 7 the target logit
/// (component-contracts 2.8 lists them as separate heads; the value head is training-only and not part of it).
/// </summary>
/// <param name="Probabilities">Softmax of the six size logits.</param>
/// <param name="Size">Argmax of the size logits (the first on a tie).</param>
/// <param name="StopMultiplier">m_sl = 0.5 + 2.5 · sigmoid(value 6), in ATRs.</param>
/// <param name="RewardRatio">rr = 1 + 4 · sigmoid(value 7).</param>
public sealed record RiskModelOutput(IReadOnlyList<double> Probabilities, int Size, double StopMultiplier, double RewardRatio)
{
    public const int Width = 8;
    public const int SizeClasses = 6;

    /// <summary>The conservative fallback of component-contracts 2.8: 1 contract, 1.5 ATR stop, 2R target. Confidence 0.5: a rule, not a belief.</summary>
    public static RiskModelOutput Fallback { get; } = new([0, 1, 0, 0, 0, 0], 1, 1.5, 2.0);

    public double Confidence => this == Fallback ? 0.5 : Probabilities[Size];

    public static RiskModelOutput FromRaw(IReadOnlyList<float> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Count != Width) throw new ArgumentException($"the M-RMS model returns {Width} values, got {raw.Count}", nameof(raw));
        if (raw.Any(v => !float.IsFinite(v))) throw new ArgumentException("the M-RMS model returned a non-finite value", nameof(raw));

        var max = raw.Take(SizeClasses).Max();
        var exp = raw.Take(SizeClasses).Select(v => Math.Exp(v - max)).ToArray();
        var total = exp.Sum();
        var probabilities = exp.Select(e => e / total).ToArray();
        var size = Array.IndexOf(probabilities, probabilities.Max());
        return new RiskModelOutput(probabilities, size, 0.5 + (2.5 * Sigmoid(raw[6])), 1 + (4 * Sigmoid(raw[7])));
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
