using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Bars;

// The bar generator's saved state (component-contracts 2.2, State P): per symbol and timeframe the working bar,
// the last completed start and the last close, plus the counters. Immutable records, so a snapshot never shares
// anything the builder still changes.

/// <summary>Everything the bar builder needs to continue where it stopped.</summary>
[GenerateSerializer, Immutable]
public sealed record BarBuilderState(
    [property: Id(0)] IReadOnlyList<SymbolBarState> Symbols,
    [property: Id(1)] BarCounters Counters);

/// <summary>One symbol's bars.</summary>
/// <param name="LastTickTime">Timestamp of the last accepted tick; an older tick is rejected.</param>
[GenerateSerializer, Immutable]
public sealed record SymbolBarState(
    [property: Id(0)] string Symbol,
    [property: Id(1)] DateTime? LastTickTime,
    [property: Id(2)] IReadOnlyList<TimeframeBarState> Timeframes);

/// <summary>One timeframe of one symbol.</summary>
/// <param name="Working">The bar being built; null before the first tick and after a flush.</param>
/// <param name="LastCompletedStart">Start of the last emitted bar.</param>
/// <param name="LastClose">Close of the last emitted bar: the price of synthetic gap bars.</param>
[GenerateSerializer, Immutable]
public sealed record TimeframeBarState(
    [property: Id(0)] int Timeframe,
    [property: Id(1)] BarPayload? Working,
    [property: Id(2)] DateTime? LastCompletedStart,
    [property: Id(3)] double? LastClose);

/// <summary>What the builder has done so far.</summary>
[GenerateSerializer, Immutable]
public sealed record BarCounters(
    [property: Id(0)] long TicksAccepted,
    [property: Id(1)] long TicksRejectedPast,
    [property: Id(2)] long TicksSkippedBadPrice,
    [property: Id(3)] long BarsEmitted,
    [property: Id(4)] long SyntheticBarsEmitted,
    [property: Id(5)] long GapsSkipped)
{
    public static BarCounters Zero { get; } = new(0, 0, 0, 0, 0, 0);
}
