using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>
/// The live data handler's saved state: the last tick id it let through (so a restarted silo still drops the ticks
/// the feed re-sends), the validator (last tick time and median window) and the counters. A portfolio's feed also
/// saves each instrument's validator and count (<see cref="Instruments"/>; null with one symbol, whose validator is
/// <see cref="Validator"/>).
/// </summary>
[GenerateSerializer]
public sealed record LiveDataHandlerState(
    [property: Id(0)] string Url,
    [property: Id(1)] long? LastId,
    [property: Id(2)] TickValidatorSnapshot Validator,
    [property: Id(3)] LiveFeedCounters Counters,
    [property: Id(4)] IReadOnlyList<LiveInstrumentState>? Instruments = null);

/// <summary>One instrument of a portfolio's feed: its validator and the ticks published for it.</summary>
[GenerateSerializer, Immutable]
public sealed record LiveInstrumentState(
    [property: Id(0)] string Symbol,
    [property: Id(1)] TickValidatorSnapshot Validator,
    [property: Id(2)] long Published);

/// <summary>What the live data handler counted (component-contracts 2.1 state: counters).</summary>
[GenerateSerializer, Immutable]
public sealed record LiveFeedCounters(
    [property: Id(0)] long Received,
    [property: Id(1)] long Published,
    [property: Id(2)] long Duplicates,
    [property: Id(3)] long Gaps,
    [property: Id(4)] long Missed,
    [property: Id(5)] long Rejected,
    [property: Id(6)] long Malformed,
    [property: Id(7)] long Ignored,
    [property: Id(8)] long Reconnects,
    [property: Id(9)] long Unrouted = 0);
