namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// INDICATORS_READY: the feature store (component-contracts 2.3.8), exactly one per 5-minute bar. The engine is the
/// single source of truth for features: assemblers and the synergy detector read these values and compute none.
/// Insufficient data gives the defaults (0 / false / MLMI value 50) and a false flag in <see cref="Ready"/>.
/// </summary>
/// <param name="Seq">The 5-minute bar index (0 for the first 5-minute bar the engine saw).</param>
/// <param name="Trigger">"5m" for a bar inside a 30-minute bucket, "30m" when the 30-minute path ran too.</param>
/// <param name="Timestamp">The 5-minute bar's close time (also the envelope's simulation time).</param>
/// <param name="BarStart30m">Start of the last completed 30-minute bar; <see cref="DateTime.MinValue"/> before the first.</param>
[GenerateSerializer, Immutable]
public sealed record IndicatorsReadyPayload(
    [property: Id(0)] string Symbol,
    [property: Id(1)] long Seq,
    [property: Id(2)] string Trigger,
    [property: Id(3)] DateTime Timestamp,
    [property: Id(4)] DateTime BarStart5m,
    [property: Id(5)] DateTime BarStart30m,
    [property: Id(6)] bool IsSynthetic,
    [property: Id(7)] IndicatorReadiness Ready,
    [property: Id(8)] ThirtyMinuteFeatures Features30m,
    [property: Id(9)] FvgFeatures Fvg,
    [property: Id(10)] DerivedFeatures Derived) : EventPayload, IInstrumentPayload
{
    public const string Trigger5m = "5m";
    public const string Trigger30m = "30m";
}

/// <summary>Which 30-minute indicators have enough history to be meaningful.</summary>
[GenerateSerializer, Immutable]
public sealed record IndicatorReadiness(
    [property: Id(0)] bool Mlmi,
    [property: Id(1)] bool Nwrqk,
    [property: Id(2)] bool Lvn,
    [property: Id(3)] bool Mmd);

/// <summary>The 30-minute features (MLMI and NW-RQK on Heiken Ashi closes, LVN and MMD on standard bars).</summary>
/// <param name="MlmiSignal">-1, 0 or +1.</param>
/// <param name="NwrqkSignal">-1, 0 or +1.</param>
/// <param name="MmdFeatures">The 23-dimensional MMD vector (component-contracts 2.3.6).</param>
[GenerateSerializer, Immutable]
public sealed record ThirtyMinuteFeatures(
    [property: Id(0)] double MlmiValue,
    [property: Id(1)] double MlmiMa,
    [property: Id(2)] int MlmiSignal,
    [property: Id(3)] double NwrqkValue,
    [property: Id(4)] double NwrqkYhat2,
    [property: Id(5)] double NwrqkSlope,
    [property: Id(6)] int NwrqkSignal,
    [property: Id(7)] double LvnNearestPrice,
    [property: Id(8)] double LvnNearestStrength,
    [property: Id(9)] double LvnDistancePoints,
    [property: Id(10)] IReadOnlyList<double> MmdFeatures)
{
    public const int MmdDimensions = 23;

    /// <summary>The values before any 30-minute bar: MLMI neutral at 50, everything else zero.</summary>
    public static ThirtyMinuteFeatures Defaults { get; } = new(50, 50, 0, 0, 0, 0, 0, 0, 0, 0, new double[MmdDimensions]);
}

/// <summary>Fair value gaps on 5-minute bars (component-contracts 2.3.2).</summary>
/// <param name="NearestLevel">Midpoint of the live gap nearest the close; 0 when none.</param>
/// <param name="Age">Bars since that gap formed.</param>
/// <param name="MitigationSignal">True only on the bar a gap is mitigated.</param>
[GenerateSerializer, Immutable]
public sealed record FvgFeatures(
    [property: Id(0)] bool BullishActive,
    [property: Id(1)] bool BearishActive,
    [property: Id(2)] double NearestLevel,
    [property: Id(3)] int Age,
    [property: Id(4)] double GapSize,
    [property: Id(5)] double GapSizePct,
    [property: Id(6)] bool MitigationSignal,
    [property: Id(7)] bool BullishMitigated,
    [property: Id(8)] double BullishMitigatedSize,
    [property: Id(9)] double BullishMitigatedLevel,
    [property: Id(10)] bool BearishMitigated,
    [property: Id(11)] double BearishMitigatedSize,
    [property: Id(12)] double BearishMitigatedLevel)
{
    public static FvgFeatures None { get; } = new(false, false, 0, 0, 0, 0, false, false, 0, 0, false, 0, 0);
}

/// <summary>Derived statistics, computed once here (component-contracts 2.3.7).</summary>
[GenerateSerializer, Immutable]
public sealed record DerivedFeatures(
    [property: Id(0)] double CurrentPrice,
    [property: Id(1)] long CurrentVolume,
    [property: Id(2)] double PriceMomentum5,
    [property: Id(3)] double VolumeRatio,
    [property: Id(4)] double Volatility30,
    [property: Id(5)] double VolumeProfileSkew,
    [property: Id(6)] double PriceAcceleration,
    [property: Id(7)] double Atr14,
    [property: Id(8)] double Rsi14,
    [property: Id(9)] double Spread);
