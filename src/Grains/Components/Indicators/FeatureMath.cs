namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>Small numeric helpers shared by the indicators.</summary>
public static class FeatureMath
{
    /// <summary>Stands in for a zero denominator (component-contracts 2.3.8, Errors).</summary>
    public const double Epsilon = 1e-10;

    /// <summary><paramref name="value"/>, or ε when it is exactly zero.</summary>
    public static double NonZero(double value) => value != 0 ? value : Epsilon;

    /// <summary>Sample standard deviation (n − 1), as pandas' default; 0 for fewer than two values.</summary>
    public static double SampleStd(RingBuffer values)
    {
        var n = values.Count;
        if (n < 2) return 0;
        double mean = 0;
        for (var i = 0; i < n; i++) mean += values[i];
        mean /= n;
        double squares = 0;
        for (var i = 0; i < n; i++) squares += (values[i] - mean) * (values[i] - mean);
        return Math.Sqrt(squares / (n - 1));
    }

    /// <summary>
    /// Adjusted Fisher-Pearson skewness G1 = g1·√(n(n−1))/(n−2), with g1 = m3/m2^1.5 (pandas' Series.skew);
    /// 0 for fewer than three values or no spread.
    /// </summary>
    public static double Skewness(RingBuffer values)
    {
        var n = values.Count;
        if (n < 3) return 0;
        double mean = 0;
        for (var i = 0; i < n; i++) mean += values[i];
        mean /= n;
        double m2 = 0, m3 = 0;
        for (var i = 0; i < n; i++)
        {
            var d = values[i] - mean;
            m2 += d * d;
            m3 += d * d * d;
        }

        m2 /= n;
        m3 /= n;
        if (m2 == 0) return 0;
        var g1 = m3 / Math.Pow(m2, 1.5);
        return g1 * Math.Sqrt(n * (n - 1.0)) / (n - 2);
    }
}
