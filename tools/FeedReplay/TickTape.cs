using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;

namespace AlgoSpace.FeedReplay;

/// <summary>
/// The files' accepted ticks, in order, read once with the backtest reader (same parsing and validation). Position
/// p (0-based) is tick p of the tape with id p + 1, so ids are stable across restarts; with looping, pass k
/// serves the tape again with ids continuing and times shifted by k × (the tape's span + 1 s), so they keep rising.
/// Several instruments make one tape in time order, equal times in the order the instruments are given (the
/// backtest's tie rule), each tick with its instrument's index (<see cref="InstrumentAt"/>).
/// </summary>
public sealed class TickTape
{
    private static readonly TimeSpan LoopPause = TimeSpan.FromSeconds(1);

    private readonly MarketTick[] _ticks;
    private readonly byte[] _instruments;
    private readonly TimeSpan _loopShift;

    public TickTape(IReadOnlyList<MarketTick> ticks, bool loop)
        : this([ticks], loop)
    {
    }

    /// <summary>One tape of several instruments' ticks (each list in time order), merged in time order.</summary>
    public TickTape(IReadOnlyList<IReadOnlyList<MarketTick>> instruments, bool loop)
    {
        if (instruments.Count > byte.MaxValue) throw new ArgumentException($"{instruments.Count} instruments; a feed serves at most {byte.MaxValue}.");
        var merged = instruments.SelectMany((ticks, index) => ticks.Select((tick, position) => (Tick: tick, Index: (byte)index, Position: position)))
            .OrderBy(t => t.Tick.Timestamp).ThenBy(t => t.Index).ThenBy(t => t.Position).ToArray();
        if (merged.Length == 0) throw new ArgumentException("The file has no valid ticks to serve.");
        _ticks = [.. merged.Select(t => t.Tick)];
        _instruments = [.. merged.Select(t => t.Index)];
        Loop = loop;
        _loopShift = _ticks[^1].Timestamp - _ticks[0].Timestamp + LoopPause;
    }

    /// <summary>Reads every accepted tick of a data file (throws DataFileException when it cannot be read).</summary>
    public static TickTape Load(string path, bool loop) => new([Read(path)], loop);

    /// <summary>Reads every instrument's file and merges them into one tape.</summary>
    public static TickTape Load(IReadOnlyList<string> paths, bool loop) => new([.. paths.Select(Read)], loop);

    public bool Loop { get; }

    /// <summary>Ticks in one pass of the tape.</summary>
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

    /// <summary>The index (in the order the instruments were given) of the instrument of the tick at a position.</summary>
    public int InstrumentAt(long position) => _instruments[position % _ticks.Length];

    private static List<MarketTick> Read(string path)
    {
        using var source = TickSource.Open(path);
        var ticks = new List<MarketTick>();
        while (true)
        {
            var read = source.Read();
            if (read.Status == TickReadStatus.End) break;
            if (read.Status == TickReadStatus.Tick) ticks.Add(read.Tick.Tick);
        }

        return ticks;
    }
}
