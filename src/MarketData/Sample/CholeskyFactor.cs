namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// The lower-triangular L with L·Lᵀ = C of a correlation matrix C: L times a vector of independent standard normal
/// draws is a vector of standard normal draws correlated as C says.
/// </summary>
public sealed class CholeskyFactor
{
    private readonly double[,] _lower;

    public CholeskyFactor(double[,] correlation)
    {
        var n = correlation.GetLength(0);
        if (correlation.GetLength(1) != n) throw new ArgumentException("A correlation matrix is square.", nameof(correlation));
        _lower = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                if (correlation[i, j] != correlation[j, i] || Math.Abs(correlation[i, j]) > 1 || (i == j && correlation[i, i] != 1))
                {
                    throw new ArgumentException($"Not a correlation matrix at ({i}, {j}): symmetric, ones on the diagonal, the rest in [-1, 1].", nameof(correlation));
                }

                var sum = correlation[i, j];
                for (var k = 0; k < j; k++) sum -= _lower[i, k] * _lower[j, k];
                if (i == j)
                {
                    if (!(sum > 0)) throw new ArgumentException("The correlations are not positive definite (no set of returns can have them).", nameof(correlation));
                    _lower[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    _lower[i, j] = sum / _lower[j, j];
                }
            }
        }
    }

    public int Size => _lower.GetLength(0);

    /// <summary>L[i, j] (zero above the diagonal).</summary>
    public double this[int i, int j] => _lower[i, j];

    /// <summary>Writes L·<paramref name="independent"/> into <paramref name="correlated"/>.</summary>
    public void Apply(ReadOnlySpan<double> independent, Span<double> correlated)
    {
        for (var i = 0; i < Size; i++)
        {
            var sum = 0.0;
            for (var k = 0; k <= i; k++) sum += _lower[i, k] * independent[k];
            correlated[i] = sum;
        }
    }
}
