namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// One reference distribution of the MMD vector, ready to compare against: its z-scored sample, the kernel width
/// chosen for it and the within-reference kernel mean, which never changes and so is computed once.
/// </summary>
/// <param name="Name">The table's row name (normal, bull, ...).</param>
/// <param name="Samples">Rows of <paramref name="Dims"/> columns, flat, each column z-scored.</param>
/// <param name="Sigma">Kernel width σ_k: the median pairwise distance of 200 of the reference's points.</param>
/// <param name="MeanKernelWithin">Mean of k(yᵢ, yⱼ) over i ≠ j, with width <paramref name="Sigma"/>.</param>
public sealed record MmdReference(string Name, double[] Samples, int Dims, double Sigma, double MeanKernelWithin);
