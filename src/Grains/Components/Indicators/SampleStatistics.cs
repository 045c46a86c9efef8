namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>Small statistics over a window of values, as the indicators use them.</summary>
public static class SampleStatistics
{
    /// <summary>Denominator floor for a zero spread (component-contracts 2.3.8, Errors).</summary>
    public const double Epsilon = 1e-10;

    /// <summary>The MAD-to-standard-deviation factor for normal data.</summary>
    public const double MadToStd = 1.4826;

    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return double.NaN;
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>Sample standard deviation (n - 1 in the denominator, as pandas' rolling std); NaN below two values.</summary>
    public static double SampleStd(ReadOnlySpan<double> values)
    {
        if (values.Length < 2) return double.NaN;
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values) sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / (values.Length - 1));
    }

    /// <summary>Population standard deviation (n in the denominator, as numpy's std), used to z-score references.</summary>
    public static double PopulationStd(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values) sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / values.Length);
    }

    /// <summary>Median; the mean of the two middle values for an even count. Sorts a copy.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /// <summary>Median absolute deviation from the median (unscaled).</summary>
    public static double MedianAbsoluteDeviation(ReadOnlySpan<double> values, double median)
    {
        var deviations = new double[values.Length];
        for (var i = 0; i < values.Length; i++) deviations[i] = Math.Abs(values[i] - median);
        return Median(deviations);
    }

    /// <summary>
    /// Skewness from population moments, m3 / m2^1.5 (scipy.stats.skew's default, bias=True); 0 when the values
    /// do not vary.
    /// </summary>
    public static double Skewness(ReadOnlySpan<double> values)
    {
        var (m2, m3, _) = CentralMoments(values);
        return m2 <= Epsilon * Epsilon ? 0.0 : m3 / Math.Pow(m2, 1.5);
    }

    /// <summary>Excess kurtosis from population moments, m4 / m2² - 3 (scipy.stats.kurtosis's default); 0 when flat.</summary>
    public static double ExcessKurtosis(ReadOnlySpan<double> values)
    {
        var (m2, _, m4) = CentralMoments(values);
        return m2 <= Epsilon * Epsilon ? 0.0 : m4 / (m2 * m2) - 3.0;
    }

    /// <summary>
    /// RSI with simple means (not Wilder's smoothing) of the last <paramref name="period"/> gains and losses:
    /// 100 - 100/(1 + gain/loss). No losses gives 100; no change at all gives the neutral 50.
    /// </summary>
    public static double SimpleRsi(ReadOnlySpan<double> closes, int period)
    {
        double gains = 0, losses = 0;
        for (var i = closes.Length - period; i < closes.Length; i++)
        {
            var change = closes[i] - closes[i - 1];
            if (change > 0) gains += change;
            else losses -= change;
        }
        if (losses <= 0) return gains <= 0 ? 50.0 : 100.0;
        return 100.0 - 100.0 / (1.0 + gains / losses);
    }

    private static (double M2, double M3, double M4) CentralMoments(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return (0, 0, 0);
        var mean = Mean(values);
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            var d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        var n = values.Length;
        return (m2 / n, m3 / n, m4 / n);
    }
}
