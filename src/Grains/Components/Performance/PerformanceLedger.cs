using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Performance;

/// <summary>
/// The performance tracker's memory: the closed trades in the order they were reported, the simulation dates seen
/// (from bars and trade exits: the days of the daily return series), and the simulated span (for exposure). Plain,
/// so tests and tools use it without Orleans.
/// </summary>
public sealed class PerformanceLedger(double initialCapital)
{
    private readonly List<TradeClosedPayload> _trades = [];
    private readonly HashSet<string> _executionIds = new(StringComparer.Ordinal);
    private readonly SortedSet<DateTime> _days = [];

    public double InitialCapital { get; } = initialCapital;

    public IReadOnlyList<TradeClosedPayload> Trades => _trades;

    public DateTime? Start { get; private set; }

    public DateTime? End { get; private set; }

    /// <summary>Records a closed trade; false (nothing changed) when this execution id was already recorded.</summary>
    public bool AddTrade(TradeClosedPayload trade)
    {
        if (!_executionIds.Add(trade.ExecutionId)) return false;
        _trades.Add(trade);
        Observe(trade.Entry.Timestamp, trade.Exit.Timestamp);
        _days.Add(trade.Exit.Timestamp.Date);
        return true;
    }

    /// <summary>
    /// Widens the simulated span to cover [from, to]; a bar with ticks also makes its date a trading day (a
    /// synthetic gap filler over a weekend does not).
    /// </summary>
    public void ObserveBar(DateTime from, DateTime to, bool traded)
    {
        Observe(from, to);
        if (traded) _days.Add(from.Date);
    }

    public PerformanceReportReply Report()
    {
        var (equity, statistics) = PerformanceCalculator.Compute(InitialCapital, _trades, _days, Start, End);
        return new PerformanceReportReply(InitialCapital, _trades.ToList(), equity, statistics, Start, End);
    }

    public PerformanceTrackerState SaveState() => new([.. _trades], [.. _days], Start, End);

    public void RestoreState(PerformanceTrackerState state)
    {
        _trades.Clear();
        _executionIds.Clear();
        _days.Clear();
        foreach (var trade in state.Trades)
        {
            if (_executionIds.Add(trade.ExecutionId)) _trades.Add(trade);
        }

        foreach (var day in state.Days) _days.Add(day.Date);
        Start = state.Start;
        End = state.End;
    }

    private void Observe(DateTime from, DateTime to)
    {
        if (Start is null || from < Start) Start = from;
        if (End is null || to > End) End = to;
    }
}
