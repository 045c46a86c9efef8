namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The MMD statistic of component-contracts 2.3.6 with a Gaussian kernel k(x, y) = exp(-‖x - y‖² / 2σ²).
/// Samples are flat arrays of rows: row i of a sample with <c>dims</c> columns is [i·dims, (i + 1)·dims).
/// MMD = √max(0, mean over i≠j of k(xᵢ, xⱼ) + mean over i≠j of k(yᵢ, yⱼ) - 2·mean of k(xᵢ, yⱼ)): the unbiased
/// within-sample terms, so a sample compared with an independent draw of its own distribution scores about 0.
/// </summary>
public static class MaximumMeanDiscrepancy
{
    public static double GaussianKernel(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double sigma) =>
        Math.Exp(-SquaredDistance(x, y) / (2.0 * sigma * sigma));

    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var d = 0; d < x.Length; d++)
        {
            var diff = x[d] - y[d];
            sum += diff * diff;
        }
        return sum;
    }

    /// <summary>Mean of k over the ordered pairs i ≠ j of one sample; 0 when it has fewer than two rows.</summary>
    public static double MeanOffDiagonalKernel(double[] sample, int dims, double sigma)
    {
        var n = RowCount(sample, dims);
        if (n < 2) return 0;
        var gamma = 1.0 / (2.0 * sigma * sigma);
        var sum = 0.0;
        // k is symmetric: sum the upper triangle and count it twice.
        for (var i = 0; i < n; i++)
        {
            var xi = sample.AsSpan(i * dims, dims);
            for (var j = i + 1; j < n; j++) sum += Math.Exp(-gamma * SquaredDistance(xi, sample.AsSpan(j * dims, dims)));
        }
        return 2.0 * sum / ((double)n * (n - 1));
    }

    /// <summary>Mean of k over every pair (xᵢ, yⱼ); 0 when either sample is empty.</summary>
    public static double MeanCrossKernel(double[] x, double[] y, int dims, double sigma)
    {
        int nx = RowCount(x, dims), ny = RowCount(y, dims);
        if (nx == 0 || ny == 0) return 0;
        var gamma = 1.0 / (2.0 * sigma * sigma);
        var sum = 0.0;
        for (var i = 0; i < nx; i++)
        {
            var xi = x.AsSpan(i * dims, dims);
            for (var j = 0; j < ny; j++) sum += Math.Exp(-gamma * SquaredDistance(xi, y.AsSpan(j * dims, dims)));
        }
        return sum / ((double)nx * ny);
    }

    /// <summary>MMD between two samples, every term computed.</summary>
    public static double Mmd(double[] x, double[] y, int dims, double sigma) => RootOfClamped(UnbiasedSquared(x, y, dims, sigma));

    /// <summary>MMD of a test sample against a reference whose constant within-reference term is precomputed.</summary>
    public static double Mmd(double[] x, MmdReference reference) => RootOfClamped(UnbiasedSquared(x, reference));

    /// <summary>
    /// The unbiased MMD² estimate k_XX + k_YY - 2·k_XY before clamping. It is negative when the samples are closer
    /// than two independent draws of one distribution typically are, which the clamped MMD cannot show.
    /// </summary>
    public static double UnbiasedSquared(double[] x, double[] y, int dims, double sigma) =>
        MeanOffDiagonalKernel(x, dims, sigma) + MeanOffDiagonalKernel(y, dims, sigma) - 2.0 * MeanCrossKernel(x, y, dims, sigma);

    /// <summary><see cref="UnbiasedSquared(double[], double[], int, double)"/> with the reference's k_YY precomputed.</summary>
    public static double UnbiasedSquared(double[] x, MmdReference reference) =>
        MeanOffDiagonalKernel(x, reference.Dims, reference.Sigma) + reference.MeanKernelWithin
        - 2.0 * MeanCrossKernel(x, reference.Samples, reference.Dims, reference.Sigma);

    /// <summary>√max(0, MMD²): the estimate can fall below zero (by chance, or by rounding for near-identical samples).</summary>
    public static double RootOfClamped(double squared) => Math.Sqrt(Math.Max(0.0, squared));

    private static int RowCount(double[] sample, int dims)
    {
        if (dims <= 0) throw new ArgumentOutOfRangeException(nameof(dims), $"A sample needs at least one column, got {dims}.");
        if (sample.Length % dims != 0) throw new ArgumentException($"A sample of {sample.Length} values is not a whole number of {dims}-column rows.", nameof(sample));
        return sample.Length / dims;
    }
}
