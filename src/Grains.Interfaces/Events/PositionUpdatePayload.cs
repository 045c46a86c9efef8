namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>POSITION_UPDATE: the account after a fill (component-contracts 1).</summary>
/// <param name="Quantity">Net contracts, signed: positive long, negative short.</param>
/// <param name="AvgPrice">The price at which the net position breaks even before costs: unrealized P&amp;L =
/// (last − AvgPrice) · Quantity · point value. 0 when the net position is 0.</param>
/// <param name="UnrealizedPnl">USD at the last price, before commissions.</param>
/// <param name="RealizedPnlDay">Net USD of the trades closed on this simulation day.</param>
/// <param name="OpenPositions">Open trades (each execution id is one).</param>
/// <param name="Equity">Initial capital plus all realized net P&amp;L.</param>
[GenerateSerializer, Immutable]
public sealed record PositionUpdatePayload(
    [property: Id(0)] string Symbol,
    [property: Id(1)] int Quantity,
    [property: Id(2)] double AvgPrice,
    [property: Id(3)] double UnrealizedPnl,
    [property: Id(4)] double RealizedPnlDay,
    [property: Id(5)] int OpenPositions,
    [property: Id(6)] double Equity,
    [property: Id(7)] DateTime Timestamp) : EventPayload, IInstrumentPayload;
