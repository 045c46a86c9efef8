using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Grains.Components.Data;

/// <summary>
/// Several instruments' tick files read as one stream in simulation-time order, for a portfolio backtest. The tie
/// rule: ticks with the same timestamp come in the order of settings.symbols, and one file's ticks in file order. Each
/// file keeps its own reader and validator (a rejected row is its file's, at its line); each keeps at most one tick
/// read ahead, waiting for its turn. That tick has been accepted by its source, so it is part of the saved position
/// (<see cref="Lanes"/>): a resumed run hands it out first and reads nothing twice.
/// </summary>
public sealed class TickMerge : IDisposable
{
    private readonly List<Lane> _lanes;

    public TickMerge(IEnumerable<(string Symbol, TickSource Source)> files) =>
        _lanes = files.Select(f => new Lane(f.Symbol, f.Source)).ToList();

    public IReadOnlyList<Lane> Lanes => _lanes;

    /// <summary>Ticks handed out so far, over every file: the 1-based position of the last one in the merged stream.</summary>
    public long Handed
    {
        get
        {
            // Read once per tick: a loop, not LINQ, so the replay loop allocates nothing here.
            var handed = 0L;
            foreach (var lane in _lanes) handed += lane.Source.Accepted - (lane.Waiting is null ? 0 : 1);
            return handed;
        }
    }

    public long Rows => _lanes.Sum(l => l.Source.Rows);

    public long BytesRead => _lanes.Sum(l => l.Source.BytesRead);

    public long Length => _lanes.Sum(l => l.Source.File.Length);

    public DateTime? LastTickTime => _lanes.Max(l => l.Source.LastTickTime);

    public long RejectedCount => _lanes.Sum(l => l.Source.Issues.RejectedCount);

    /// <summary>
    /// The next tick in merged order, or null when every file has ended. Rows a file rejects (or warns about) on
    /// the way are given to <paramref name="report"/> with their lane.
    /// </summary>
    public TickPayload? Next(Action<Lane, RowIssue> report)
    {
        Lane? earliest = null;
        foreach (var lane in _lanes)
        {
            lane.Fill(report);
            // Strictly earlier only: on a tie the lane listed first (settings.symbols order) goes first.
            if (lane.Waiting is { } tick && (earliest is null || tick.Timestamp < earliest.Waiting!.Timestamp)) earliest = lane;
        }

        if (earliest is null) return null;
        var next = earliest.Waiting;
        earliest.Waiting = null;
        return next;
    }

    /// <summary>Every file's position and its read-ahead tick, for the saved state.</summary>
    public IReadOnlyList<TickMergeLaneState> Snapshot() =>
        _lanes.Select(l => new TickMergeLaneState(l.Symbol, l.Source.Snapshot(), l.Waiting)).ToList();

    /// <summary>Continues from saved positions of the same files; false (and why) when one cannot be taken back.</summary>
    public bool TryResume(IReadOnlyList<TickMergeLaneState> saved, out string? reason)
    {
        if (saved.Count != _lanes.Count || saved.Select(s => s.Symbol).Where((s, i) => s != _lanes[i].Symbol).Any())
        {
            reason = $"the saved position is of the instruments {string.Join(", ", saved.Select(s => s.Symbol))}, not {string.Join(", ", _lanes.Select(l => l.Symbol))}";
            return false;
        }

        for (var i = 0; i < saved.Count; i++)
        {
            if (!_lanes[i].Source.TryResume(saved[i].Source, out reason)) return false;
            _lanes[i].Waiting = saved[i].Waiting;
        }

        reason = null;
        return true;
    }

    public void Dispose()
    {
        foreach (var lane in _lanes) lane.Source.Dispose();
    }

    /// <summary>One instrument's file in the merge.</summary>
    public sealed class Lane(string symbol, TickSource source)
    {
        public string Symbol { get; } = symbol;

        public TickSource Source { get; } = source;

        /// <summary>The tick read ahead and accepted, waiting for its turn.</summary>
        public TickPayload? Waiting { get; internal set; }

        public bool Ended { get; private set; }

        internal void Fill(Action<Lane, RowIssue> report)
        {
            while (Waiting is null && !Ended)
            {
                var read = Source.Read();
                if (read.Status == TickReadStatus.End)
                {
                    Ended = true;
                    return;
                }

                if (read.Issue is { } issue) report(this, issue);
                if (read.Status != TickReadStatus.Tick) continue;
                var tick = read.Tick.Tick;
                Waiting = new TickPayload(Symbol, tick.Timestamp, tick.Price, tick.Volume, tick.Bid, tick.Ask);
            }
        }
    }
}

/// <summary>One instrument's saved place in a <see cref="TickMerge"/>: its file's position and the tick it had read ahead.</summary>
[GenerateSerializer]
public sealed record TickMergeLaneState(
    [property: Id(0)] string Symbol,
    [property: Id(1)] TickSourceSnapshot Source,
    [property: Id(2)] TickPayload? Waiting);
