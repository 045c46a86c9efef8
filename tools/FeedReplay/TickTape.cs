using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;

namespace AlgoSpace.FeedReplay;

/// <summary>
/// The file's accepted ticks, in order, read once with the backtest reader (same parsing and validation). Position
/// p (0-based) is tick p of the file with id p + 1, so ids are stable across server restarts; with looping, pass k
/// serves the file again with ids continuing and times shifted by k × (the file's span + 1 s), so they keep rising.
/// </summary>
public sealed class TickTape
{
    private static readonly TimeSpan LoopPause = TimeSpan.FromSeconds(1);

    private readonly MarketTick[] _ticks;
    private readonly TimeSpan _loopShift;

    public TickTape(IReadOnlyList<MarketTick> ticks, bool loop)
    {
        if (ticks.Count == 0) throw new ArgumentException("The file has no valid ticks to serve.");
        _ticks = [.. ticks];
        Loop = loop;
        _loopShift = _ticks[^1].Timestamp - _ticks[0].Timestamp + LoopPause;
    }

    /// <summary>Reads every accepted tick of a data file (throws DataFileException when it cannot be read).</summary>
    public static TickTape Load(string path, bool loop)
    {
        using var source = TickSource.Open(path);
        var ticks = new List<MarketTick>();
        while (true)
        {
            var read = source.Read();
            if (read.Status == TickReadStatus.End) break;
            if (read.Status == TickReadStatus.Tick) ticks.Add(read.Tick.Tick);
        }

        return new TickTape(ticks, loop);
    }

    public bool Loop { get; }

    /// <summary>Ticks in one pass of the file.</summary>
    public int Count => _ticks.Length;

    public bool HasTick(long position) => Loop || position < _ticks.Length;

    public MarketTick this[long position]
    {
        get
        {
            var tick = _ticks[position % _ticks.Length];
            var pass = position / _ticks.Length;
            return pass == 0 ? tick : tick with { Timestamp = tick.Timestamp + _loopShift * pass };
        }
    }
}
