using AlgoSpace.Grains.Interfaces.Components.Calls;

namespace AlgoSpace.Grains.Reporting;

/// <summary>
/// Everything the end-of-run report says: what ran, the performance tracker's results (null when there was no
/// tracker, with <see cref="TrackerNote"/> saying why), the input rows, the events handled, and the timing. All but
/// <see cref="Timing"/> follow from the data, the configuration and the models.
/// </summary>
/// <param name="DataFile">The replayed file's name (not its path, which differs between machines).</param>
/// <param name="Complete">The data ran to its end (false: the run was interrupted and the report covers what ran).</param>
/// <param name="Tracker">The performance tracker component's name, or null when none was configured.</param>
/// <param name="EventsHandled">Deliveries handled per event type, summed over every component and the kernel.</param>
public sealed record RunReport(
    string Mode,
    int RunSeed,
    string DataFile,
    bool Complete,
    double InitialCapital,
    string? Tracker,
    string? TrackerNote,
    PerformanceReportReply? Performance,
    InputSummary? Input,
    IReadOnlyDictionary<string, long> EventsHandled,
    RunTiming Timing)
{
    /// <summary>A portfolio's results by instrument (empty when one symbol is traded: the statistics are its own).</summary>
    public IReadOnlyList<InstrumentResult> Instruments { get; init; } = [];
}

/// <summary>The data handler's counts (BACKTEST_COMPLETE): rows read, ticks published, rows rejected.</summary>
public sealed record InputSummary(long Rows, long Ticks, long RejectedRows);

/// <summary>The wall-clock side of a run: never part of the deterministic output.</summary>
/// <param name="RunId">The kernel's run id; it embeds the wall-clock start, so it lives here.</param>
/// <param name="RunTime">From the start of the components to the report.</param>
/// <param name="Ticks">Ticks replayed, for the rate.</param>
public sealed record RunTiming(string RunId, DateTime StartedUtc, DateTime FinishedUtc, TimeSpan RunTime, long Ticks)
{
    public double TicksPerSecond => RunTime > TimeSpan.Zero ? Ticks / RunTime.TotalSeconds : 0;
}
