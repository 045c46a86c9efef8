using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// A volume profile over a run of bars (component-contracts 2.3.5): levels on a price grid, each bar's volume spread
/// evenly over the grid levels in its [low, high].
/// <para>
/// The grid is the instrument tick while the profile spans at most <see cref="MaxLevels"/> ticks. A wider profile
/// (a data error, a crash day, a tiny tick) is coarsened to a whole number of ticks per level, the smallest that
/// fits in <see cref="MaxLevels"/> levels, so memory and time stay bounded; levels stay multiples of the tick.
/// ES over 20 30m bars typically spans 100-400 ticks, CL 100-500 ticks.
/// </para>
/// </summary>
public sealed class VolumeProfile
{
    /// <summary>Most levels a profile holds; beyond this the grid step grows.</summary>
    public const int MaxLevels = 2000;

    // Prices are k·Step; the tolerance absorbs floating error in prices meant to lie on the grid (100.25 / 0.25).
    private const double GridTolerance = 1e-9;

    private VolumeProfile(double step, long firstLevel, double[] volumes)
    {
        Step = step;
        FirstLevel = firstLevel;
        Volumes = volumes;
    }

    /// <summary>Price distance between neighbouring levels: the tick, or a multiple of it for a wide profile.</summary>
    public double Step { get; }

    /// <summary>Grid index of the lowest level: its price is FirstLevel·Step.</summary>
    public long FirstLevel { get; }

    /// <summary>Volume per level, lowest price first.</summary>
    public IReadOnlyList<double> Volumes { get; }

    public int LevelCount => Volumes.Count;

    /// <summary>Price of level <paramref name="level"/> (0 = lowest), rounded to 10 decimals so 0.01 grids print cleanly.</summary>
    public double PriceAt(int level) => Math.Round((FirstLevel + level) * Step, 10);

    /// <summary>The point of control: the level with the most volume; the lowest such level on a tie.</summary>
    public int PocLevel
    {
        get
        {
            var best = 0;
            for (var i = 1; i < Volumes.Count; i++)
            {
                if (Volumes[i] > Volumes[best]) best = i;
            }
            return best;
        }
    }

    public static VolumeProfile Build(IReadOnlyList<BarPayload> bars, double tickSize)
    {
        if (bars.Count == 0) throw new ArgumentException("A volume profile needs at least one bar.", nameof(bars));
        if (!(tickSize > 0) || !double.IsFinite(tickSize)) throw new ArgumentOutOfRangeException(nameof(tickSize), $"The tick size must be positive, got {tickSize}.");

        var low = bars.Min(b => b.Low);
        var high = bars.Max(b => b.High);
        var ticksSpanned = Math.Floor(high / tickSize + GridTolerance) - Math.Ceiling(low / tickSize - GridTolerance) + 1;
        var ticksPerLevel = Math.Max(1.0, Math.Ceiling(ticksSpanned / MaxLevels));
        var step = tickSize * ticksPerLevel;

        var ranges = bars.Select(b => LevelRange(b, step)).ToArray();
        var first = ranges.Min(r => r.First);
        var last = ranges.Max(r => r.Last);
        var volumes = new double[last - first + 1];
        for (var i = 0; i < bars.Count; i++)
        {
            var (lo, hi) = ranges[i];
            var share = Math.Max(0L, bars[i].Volume) / (double)(hi - lo + 1);
            for (var k = lo; k <= hi; k++) volumes[k - first] += share;
        }
        return new VolumeProfile(step, first, volumes);
    }

    /// <summary>
    /// The grid indices inside [low, high]. A bar narrower than one coarse step may contain none; it then goes to
    /// the level nearest its midpoint, so no volume is dropped.
    /// </summary>
    private static (long First, long Last) LevelRange(BarPayload bar, double step)
    {
        var lo = (long)Math.Ceiling(bar.Low / step - GridTolerance);
        var hi = (long)Math.Floor(bar.High / step + GridTolerance);
        if (hi >= lo) return (lo, hi);
        var mid = (long)Math.Round((bar.Low + bar.High) / 2.0 / step, MidpointRounding.AwayFromZero);
        return (mid, mid);
    }
}
