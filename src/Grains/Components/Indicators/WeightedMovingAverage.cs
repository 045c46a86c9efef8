namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// WMA_n = Σ(n−j)·x₍t−j₎ / (n(n+1)/2) over the last n values (component-contracts 2.3.3). Before n values have
/// arrived, <see cref="Value"/> is the same formula over the m values there are, with weights m…1.
/// </summary>
public sealed class WeightedMovingAverage(int period)
{
    private readonly RingBuffer _values = new(period);

    public int Period => _values.Capacity;

    public bool IsFull => _values.IsFull;

    public int Count => _values.Count;

    /// <summary>The average of what has arrived so far; 0 before the first value.</summary>
    public double Value
    {
        get
        {
            var m = _values.Count;
            if (m == 0) return 0;
            double sum = 0;
            for (var j = 0; j < m; j++) sum += (m - j) * _values[j];
            return sum / (m * (m + 1) / 2.0);
        }
    }

    public double Add(double value)
    {
        _values.Add(value);
        return Value;
    }

    public double[] SaveState() => _values.ToArray();

    public void RestoreState(IReadOnlyList<double> values) => _values.Restore(values);
}
