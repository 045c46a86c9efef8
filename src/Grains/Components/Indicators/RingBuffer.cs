namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The last <c>capacity</c> values of a series, newest addressed as 0. A fixed array reused for the whole run, so the
/// per-bar path allocates nothing.
/// </summary>
public sealed class RingBuffer
{
    private readonly double[] _items;
    private int _start;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new double[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    public bool IsFull => Count == _items.Length;

    /// <summary>The value <paramref name="back"/> steps before the newest (0 = the newest).</summary>
    public double this[int back]
    {
        get
        {
            if ((uint)back >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(back), back, $"The buffer holds {Count} values.");
            return _items[(_start + Count - 1 - back) % _items.Length];
        }
    }

    public void Add(double value)
    {
        if (Count == _items.Length)
        {
            _items[_start] = value;
            _start = (_start + 1) % _items.Length;
        }
        else
        {
            _items[(_start + Count) % _items.Length] = value;
            Count++;
        }
    }

    /// <summary>The values, oldest first (for a snapshot).</summary>
    public double[] ToArray()
    {
        var values = new double[Count];
        for (var i = 0; i < Count; i++) values[i] = this[Count - 1 - i];
        return values;
    }

    /// <summary>Replaces the contents with <paramref name="values"/> (oldest first); only the newest Capacity are kept.</summary>
    public void Restore(IReadOnlyList<double> values)
    {
        _start = 0;
        Count = 0;
        foreach (var value in values) Add(value);
    }
}
