namespace AlgoSpace.Grains.Components.Decision.Marl;

/// <summary>The shared policy's Monte Carlo dropout verdict (component-contracts 2.7 step 3).</summary>
/// <param name="Mean">p̄: the mean softmax over the passes; index 0 QUALIFY, 1 PASS.</param>
/// <param name="Std">s: the standard deviation (over the passes, divided by their count) per class.</param>
/// <param name="Entropy">−Σ p̄ ln p̄.</param>
public sealed record McDropoutResult(IReadOnlyList<double> Mean, IReadOnlyList<double> Std, double Entropy)
{
    public double MeanStd => Std.Average();

    public double MaxStd => Std.Max();

    /// <summary>Qualify iff argmax p̄ is QUALIFY and p̄₀ reaches the threshold.</summary>
    public bool Qualifies(double threshold) => Mean[0] >= Mean[1] && Mean[0] >= threshold;
}
