namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// NEW_5MIN_BAR and NEW_30MIN_BAR: one clock-aligned OHLCV bar (component-contracts 2.2). The bar covers
/// [Timestamp, Timestamp + Timeframe minutes); it is published with the close time as its simulation time.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Timestamp">Bar start, floored to a multiple of <paramref name="Timeframe"/> minutes of the day.</param>
/// <param name="Timeframe">Bar length in minutes (5 or 30).</param>
/// <param name="TickCount">Ticks aggregated; 0 for a synthetic bar.</param>
/// <param name="IsSynthetic">A gap filler: no tick fell in the bucket, so O = H = L = C = the last close and volume 0.</param>
[GenerateSerializer, Immutable]
public sealed record BarPayload(
    [property: Id(0)] string Symbol,
    [property: Id(1)] DateTime Timestamp,
    [property: Id(2)] double Open,
    [property: Id(3)] double High,
    [property: Id(4)] double Low,
    [property: Id(5)] double Close,
    [property: Id(6)] long Volume,
    [property: Id(7)] int Timeframe,
    [property: Id(8)] int TickCount,
    [property: Id(9)] bool IsSynthetic) : EventPayload, IInstrumentPayload
{
    /// <summary>When the bar closes: start + timeframe.</summary>
    public DateTime CloseTime => Timestamp.AddMinutes(Timeframe);
}
