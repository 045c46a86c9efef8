namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The MLMI's memory of past crossings (component-contracts 2.3.3): feature pairs (f1, f2) with a label, first in
/// first out, at most <see cref="Capacity"/>. A prediction sums the labels of the k nearest stored points
/// (Euclidean); of equally near points the most recent wins. The search keeps the k best in a bounded max-heap on
/// preallocated arrays: O(N log k) and no allocation per bar.
/// </summary>
public sealed class MlmiMemory
{
    /// <summary>The cap on stored points.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly double[] _f1;
    private readonly double[] _f2;
    private readonly int[] _labels;
    private int _start;
    private double? _lastStoredClose;

    // The heap: squared distance and logical position (0 = oldest) of the current k best, worst on top.
    private readonly double[] _heapDistance;
    private readonly int[] _heapPosition;

    public MlmiMemory(int k, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        K = k;
        _f1 = new double[capacity];
        _f2 = new double[capacity];
        _labels = new int[capacity];
        _heapDistance = new double[Math.Min(k, capacity)];
        _heapPosition = new int[Math.Min(k, capacity)];
    }

    public int K { get; }

    public int Capacity => _f1.Length;

    public int Count { get; private set; }

    /// <summary>The label of the stored point at logical position <paramref name="position"/> (0 = oldest).</summary>
    public int LabelAt(int position) => _labels[Slot(position)];

    /// <summary>
    /// Stores a crossing: label +1 when <paramref name="close"/> ≥ the close at the previous stored point, −1 when
    /// below, 0 for the first point ever stored. Over capacity, the oldest point leaves.
    /// </summary>
    public void Store(double f1, double f2, double close)
    {
        var label = _lastStoredClose is { } previous ? (close >= previous ? 1 : -1) : 0;
        _lastStoredClose = close;
        int slot;
        if (Count == Capacity)
        {
            slot = _start;
            _start = (_start + 1) % Capacity;
        }
        else
        {
            slot = Slot(Count);
            Count++;
        }

        _f1[slot] = f1;
        _f2[slot] = f2;
        _labels[slot] = label;
    }

    /// <summary>Σ labels of the k_eff = min(k, N) nearest points to (f1, f2), and k_eff.</summary>
    public (int Sum, int Neighbours) Predict(double f1, double f2)
    {
        var size = 0;
        var k = Math.Min(K, Count);
        // The ring is two contiguous runs: slots start…end of array, then 0…; positions count from the oldest.
        var firstRun = Math.Min(Count, Capacity - _start);
        Scan(_start, 0, firstRun, f1, f2, k, ref size);
        Scan(0, firstRun, Count - firstRun, f1, f2, k, ref size);

        var sum = 0;
        for (var i = 0; i < size; i++) sum += _labels[Slot(_heapPosition[i])];
        return (sum, size);
    }

    private void Scan(int firstSlot, int firstPosition, int length, double f1, double f2, int k, ref int size)
    {
        for (var n = 0; n < length; n++)
        {
            var slot = firstSlot + n;
            var d1 = _f1[slot] - f1;
            var d2 = _f2[slot] - f2;
            var distance = d1 * d1 + d2 * d2;
            var position = firstPosition + n;
            if (size < k)
            {
                _heapDistance[size] = distance;
                _heapPosition[size] = position;
                SiftUp(size++);
            }
            else if (distance <= _heapDistance[0])
            {
                // Positions only grow, so an equally near newcomer is the more recent one and replaces the top.
                _heapDistance[0] = distance;
                _heapPosition[0] = position;
                SiftDown(size);
            }
        }
    }

    private int Slot(int position) => (_start + position) % Capacity;

    /// <summary>True when (d1, p1) is a worse neighbour than (d2, p2): farther, or as near and older.</summary>
    private static bool Worse(double d1, int p1, double d2, int p2) => d1 > d2 || (d1 == d2 && p1 < p2);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Worse(_heapDistance[i], _heapPosition[i], _heapDistance[parent], _heapPosition[parent])) return;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int size)
    {
        var i = 0;
        while (true)
        {
            var left = 2 * i + 1;
            if (left >= size) return;
            var worst = left;
            var right = left + 1;
            if (right < size && Worse(_heapDistance[right], _heapPosition[right], _heapDistance[left], _heapPosition[left])) worst = right;
            if (!Worse(_heapDistance[worst], _heapPosition[worst], _heapDistance[i], _heapPosition[i])) return;
            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_heapDistance[a], _heapDistance[b]) = (_heapDistance[b], _heapDistance[a]);
        (_heapPosition[a], _heapPosition[b]) = (_heapPosition[b], _heapPosition[a]);
    }

    public MlmiMemoryState SaveState()
    {
        var f1 = new double[Count];
        var f2 = new double[Count];
        var labels = new int[Count];
        for (var position = 0; position < Count; position++)
        {
            var slot = Slot(position);
            (f1[position], f2[position], labels[position]) = (_f1[slot], _f2[slot], _labels[slot]);
        }

        return new MlmiMemoryState(f1, f2, labels, _lastStoredClose);
    }

    public void RestoreState(MlmiMemoryState state)
    {
        if (state.F1.Count != state.F2.Count || state.F1.Count != state.Labels.Count)
        {
            throw new ArgumentException($"MLMI memory snapshot has {state.F1.Count} f1, {state.F2.Count} f2 and {state.Labels.Count} labels.", nameof(state));
        }

        _start = 0;
        Count = 0;
        var skip = Math.Max(0, state.F1.Count - Capacity);
        for (var i = skip; i < state.F1.Count; i++)
        {
            _f1[Count] = state.F1[i];
            _f2[Count] = state.F2[i];
            _labels[Count] = state.Labels[i];
            Count++;
        }

        _lastStoredClose = state.LastStoredClose;
    }
}

/// <summary>The stored points, oldest first, and the close at the last stored point.</summary>
[GenerateSerializer, Immutable]
public sealed record MlmiMemoryState(
    [property: Id(0)] IReadOnlyList<double> F1,
    [property: Id(1)] IReadOnlyList<double> F2,
    [property: Id(2)] IReadOnlyList<int> Labels,
    [property: Id(3)] double? LastStoredClose);
