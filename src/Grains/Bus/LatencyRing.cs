namespace AlgoSpace.Bus;

/// <summary>The last <see cref="Capacity"/> latency samples of one host, overwritten oldest first.</summary>
public sealed class LatencyRing
{
    public const int Capacity = 512;

    private readonly double[] _samples = new double[Capacity];
    private long _count;

    public void Add(double microseconds) => _samples[_count++ % Capacity] = microseconds;

    /// <summary>The samples held, oldest first.</summary>
    public IReadOnlyList<double> Snapshot()
    {
        var held = (int)Math.Min(_count, Capacity);
        var copy = new double[held];
        var start = _count > Capacity ? _count % Capacity : 0;
        for (var i = 0; i < held; i++) copy[i] = _samples[(start + i) % Capacity];
        return copy;
    }
}
