namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>SYNERGY_DETECTED: a completed three-signal pattern (component-contracts 2.5), gate 1's output.</summary>
/// <param name="SynergyType">TYPE_1 .. TYPE_4.</param>
/// <param name="Direction">+1 long, -1 short.</param>
/// <param name="Timestamp">Simulation time of the completing INDICATORS_READY.</param>
/// <param name="FeaturesSeq">The INDICATORS_READY seq that completed it: the asOfSeq of the matrix and regime queries.</param>
[GenerateSerializer, Immutable]
public sealed record SynergyDetectedPayload(
    [property: Id(0)] string SynergyType,
    [property: Id(1)] int Direction,
    [property: Id(2)] double Confidence,
    [property: Id(3)] DateTime Timestamp,
    [property: Id(4)] string Symbol,
    [property: Id(5)] long FeaturesSeq,
    [property: Id(6)] IReadOnlyList<SynergySignal> SignalSequence,
    [property: Id(7)] SignalStrengths SignalStrengths,
    [property: Id(8)] MarketContext MarketContext,
    [property: Id(9)] SynergyMetadata Metadata) : EventPayload, IInstrumentPayload;

/// <summary>One signal of the pattern.</summary>
/// <param name="Type">"mlmi", "nwrqk" or "fvg".</param>
/// <param name="Value">mlmi: the value; nwrqk: the slope; fvg: the gap size as a fraction of price.</param>
[GenerateSerializer, Immutable]
public sealed record SynergySignal(
    [property: Id(0)] string Type,
    [property: Id(1)] double Value,
    [property: Id(2)] int Signal,
    [property: Id(3)] double Strength,
    [property: Id(4)] DateTime Timestamp,
    [property: Id(5)] long BarIndex);

[GenerateSerializer, Immutable]
public sealed record SignalStrengths(
    [property: Id(0)] double Mlmi,
    [property: Id(1)] double Nwrqk,
    [property: Id(2)] double Fvg);

[GenerateSerializer, Immutable]
public sealed record NearestLvn(
    [property: Id(0)] double Price,
    [property: Id(1)] double Strength,
    [property: Id(2)] double Distance);

/// <param name="Volatility">volatility_30.</param>
[GenerateSerializer, Immutable]
public sealed record MarketContext(
    [property: Id(0)] double CurrentPrice,
    [property: Id(1)] double Volatility,
    [property: Id(2)] double VolumeRatio,
    [property: Id(3)] double PriceMomentum5,
    [property: Id(4)] double Atr,
    [property: Id(5)] double Rsi,
    [property: Id(6)] double Spread,
    [property: Id(7)] NearestLvn NearestLvn);

/// <param name="BarsToComplete">Last signal's bar index - first's + 1.</param>
[GenerateSerializer, Immutable]
public sealed record SynergyMetadata(
    [property: Id(0)] long BarsToComplete,
    [property: Id(1)] double PatternQuality,
    [property: Id(2)] DateTime DetectionTimestamp);
