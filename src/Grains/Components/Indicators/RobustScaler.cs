namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>Robust column scaling of the MMD test sample (component-contracts 2.3.6).</summary>
public static class RobustScaler
{
    /// <summary>
    /// Each column to (x - median) / (1.4826·MAD), a copy. A column whose MAD is 0 is divided by 1e-10 (spec 2.3.8);
    /// a value that overflows becomes 0.
    /// </summary>
    public static double[] Scale(double[] rows, int dims)
    {
        var n = rows.Length / dims;
        var scaled = new double[rows.Length];
        var column = new double[n];
        for (var d = 0; d < dims; d++)
        {
            for (var i = 0; i < n; i++) column[i] = rows[i * dims + d];
            var median = SampleStatistics.Median(column);
            var scale = Math.Max(SampleStatistics.MadToStd * SampleStatistics.MedianAbsoluteDeviation(column, median), SampleStatistics.Epsilon);
            for (var i = 0; i < n; i++)
            {
                var value = (column[i] - median) / scale;
                scaled[i * dims + d] = double.IsFinite(value) ? value : 0.0;
            }
        }
        return scaled;
    }
}
