namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>
/// A rolling z-score over an exponentially weighted mean and variance (component-contracts 2.4). The n-th sample is
/// weighted a = 1/n while n ≤ 100 and a = α afterwards, so the warm-up is the plain mean and population variance of
/// what has been seen rather than a mean dragged towards a starting guess of 0. The score is only applied once
/// n > 10: before that the statistics describe too few samples and the caller uses its fallback.
/// </summary>
public sealed class EmaZScore(double alpha)
{
    /// <summary>Samples weighted 1/n before α takes over.</summary>
    public const int WarmupSamples = 100;

    /// <summary>Samples the statistics need before the score is applied (it is applied from sample 11 on).</summary>
    public const int MinimumSamples = 10;

    private const double Epsilon = 1e-10;

    public double Alpha { get; } = alpha > 0 && alpha <= 1
        ? alpha
        : throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "ema_alpha must be in (0, 1].");

    public long Count { get; private set; }

    public double Mean { get; private set; }

    public double Variance { get; private set; }

    /// <summary>Whether <see cref="Score"/> is meaningful (n > 10).</summary>
    public bool IsApplied => Count > MinimumSamples;

    /// <summary>Adds a sample. The incremental form var ← (1 − a)(var + a·δ²) is exact for a = 1/n.</summary>
    public void Add(double value)
    {
        Count++;
        var weight = Count <= WarmupSamples ? 1.0 / Count : Alpha;
        var delta = value - Mean;
        Mean += weight * delta;
        Variance = (1 - weight) * (Variance + weight * delta * delta);
    }

    /// <summary>(value − mean) / std, with a zero deviation taken as ε so a constant series scores 0.</summary>
    public double Score(double value) => (value - Mean) / Math.Max(Math.Sqrt(Variance), Epsilon);

    public EmaZScoreState SaveState() => new(Count, Mean, Variance);

    public void RestoreState(EmaZScoreState state)
    {
        Count = state.Count;
        Mean = state.Mean;
        Variance = state.Variance;
    }
}

/// <summary>A normaliser's statistics; its α comes from settings, not from the snapshot.</summary>
[GenerateSerializer, Immutable]
public sealed record EmaZScoreState(
    [property: Id(0)] long Count,
    [property: Id(1)] double Mean,
    [property: Id(2)] double Variance);
