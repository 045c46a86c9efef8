using System.Globalization;

namespace AlgoSpace.Grains.Bus;

/// <summary>
/// The last <see cref="Capacity"/> latencies of one recorder, in a fixed ring (constant memory), with percentiles over
/// them and the largest since the start: the live data handler's receipt-to-published times, and each component
/// host's bus hops. Safe to read from another thread (a status query) while the recorder records.
/// </summary>
public sealed class LatencyWindow
{
    public const int Capacity = 1024;

    private readonly double[] _microseconds = new double[Capacity];
    private readonly Lock _lock = new();
    private long _count;
    private double _max;

    public long Count
    {
        get { lock (_lock) return _count; }
    }

    public void Record(TimeSpan elapsed)
    {
        var us = elapsed.TotalMicroseconds;
        lock (_lock)
        {
            _microseconds[_count % Capacity] = us;
            _count++;
            if (us > _max) _max = us;
        }
    }

    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 100) of the recorded window in µs; null when nothing is recorded.</summary>
    public double? Percentile(double p)
    {
        double[] sorted;
        lock (_lock)
        {
            if (_count == 0) return null;
            sorted = _microseconds[..(int)Math.Min(_count, Capacity)];
        }

        Array.Sort(sorted);
        return Percentiles.Of(sorted, p);
    }

    /// <summary>The samples held (oldest first once the ring has wrapped), in µs, for merging with other windows.</summary>
    public IReadOnlyList<double> Samples()
    {
        lock (_lock)
        {
            var held = (int)Math.Min(_count, Capacity);
            var start = _count > Capacity ? (int)(_count % Capacity) : 0;
            var copy = new double[held];
            for (var i = 0; i < held; i++) copy[i] = _microseconds[(start + i) % Capacity];
            return copy;
        }
    }

    public double? Max
    {
        get { lock (_lock) return _count == 0 ? null : _max; }
    }

    /// <summary>"p50_us=.. p99_us=.. max_us=.. samples=.. window=.."</summary>
    public string Describe() =>
        $"p50_us={Format(Percentile(50))} p99_us={Format(Percentile(99))} max_us={Format(Max)} samples={Count} window={Math.Min(Count, Capacity)}";

    public static string Format(double? us) => us is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "-";
}
