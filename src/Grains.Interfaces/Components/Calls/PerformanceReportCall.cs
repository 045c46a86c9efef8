using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>Asks the performance tracker for the run's results so far (the kernel asks at the end of a backtest).</summary>
[GenerateSerializer, Immutable]
public sealed record PerformanceReportRequest : ComponentRequest;

/// <summary>
/// The performance tracker's results: every closed trade in the order it was reported, the equity curve, and the
/// statistics computed from both.
/// </summary>
/// <param name="SimulationStart">First simulation time the tracker saw (a bar's start or a trade's entry); null before any.</param>
/// <param name="SimulationEnd">Last simulation time it saw (a bar's close or a trade's exit).</param>
[GenerateSerializer, Immutable]
public sealed record PerformanceReportReply(
    [property: Id(0)] double InitialCapital,
    [property: Id(1)] IReadOnlyList<TradeClosedPayload> Trades,
    [property: Id(2)] IReadOnlyList<EquityPoint> Equity,
    [property: Id(3)] PerformanceStatistics Statistics,
    [property: Id(4)] DateTime? SimulationStart,
    [property: Id(5)] DateTime? SimulationEnd) : ComponentReply;
