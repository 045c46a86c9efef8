namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>
/// The role a component kind plays. Every mode needs exactly one data handler and one execution handler: they are
/// the only components that differ between live and backtest.
/// </summary>
public enum ComponentRole
{
    DataHandler,
    ExecutionHandler,
    Processor,

    /// <summary>A processor whose results (trades, equity, statistics) make the run's report; it answers PerformanceReportRequest.</summary>
    PerformanceTracker,
}
