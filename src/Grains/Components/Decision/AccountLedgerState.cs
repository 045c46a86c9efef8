namespace AlgoSpace.Grains.Components.Decision;

/// <summary>The saved form of an <see cref="AccountLedger"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountLedgerState(
    [property: Id(0)] double Equity,
    [property: Id(1)] double PeakEquity,
    [property: Id(2)] double MaxDrawdown,
    [property: Id(3)] int OpenPositions,
    [property: Id(4)] DateOnly Day,
    [property: Id(5)] double DayPnl,
    [property: Id(6)] IReadOnlyList<TradeOutcome> Outcomes,
    [property: Id(7)] long TotalTrades,
    [property: Id(8)] long Wins,
    [property: Id(9)] double TotalNetPnl);
