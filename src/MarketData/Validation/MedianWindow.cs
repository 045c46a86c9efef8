namespace AlgoSpace.MarketData.Validation;

/// <summary>
/// The median of the last <c>capacity</c> values. Keeps them twice, in arrival order (a ring, to know which one
/// leaves) and sorted (to read the median), so each add costs a binary search and a short copy instead of a sort:
/// the validator calls this once per tick.
/// </summary>
public sealed class MedianWindow
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _start;

    public MedianWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new double[capacity];
        _sorted = new double[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => _ring.Length;

    /// <summary>The median (the mean of the middle two for an even count); the window must not be empty.</summary>
    public double Median
    {
        get
        {
            if (Count == 0) throw new InvalidOperationException("The window is empty.");
            var middle = Count / 2;
            return Count % 2 == 1 ? _sorted[middle] : (_sorted[middle - 1] + _sorted[middle]) / 2;
        }
    }

    public void Add(double value)
    {
        if (Count == Capacity)
        {
            var oldest = _ring[_start];
            var at = Array.BinarySearch(_sorted, 0, Count, oldest);
            Array.Copy(_sorted, at + 1, _sorted, at, Count - at - 1);
            _ring[_start] = value;
            _start = (_start + 1) % Capacity;
            Count--;
        }
        else
        {
            _ring[(_start + Count) % Capacity] = value;
        }

        var index = Array.BinarySearch(_sorted, 0, Count, value);
        if (index < 0) index = ~index;
        Array.Copy(_sorted, index, _sorted, index + 1, Count - index);
        _sorted[index] = value;
        Count++;
    }

    public void Clear()
    {
        _start = 0;
        Count = 0;
    }

    /// <summary>The values in arrival order, oldest first (what <see cref="Restore"/> takes back).</summary>
    public double[] ToArray()
    {
        var values = new double[Count];
        for (var i = 0; i < Count; i++) values[i] = _ring[(_start + i) % Capacity];
        return values;
    }

    public void Restore(IEnumerable<double> oldestFirst)
    {
        Clear();
        foreach (var value in oldestFirst) Add(value);
    }
}
