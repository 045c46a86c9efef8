using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Performance;

/// <summary>What the performance tracker saves: the closed trades in arrival order, the simulation dates seen, and
/// the simulated span. The equity curve and the statistics are recomputed from these.</summary>
[GenerateSerializer]
public sealed record PerformanceTrackerState(
    [property: Id(0)] List<TradeClosedPayload> Trades,
    [property: Id(1)] List<DateTime> Days,
    [property: Id(2)] DateTime? Start,
    [property: Id(3)] DateTime? End);
