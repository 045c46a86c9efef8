using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// Everything the feature engine needs to continue exactly where it stopped (component-contracts 2.3, State P):
/// the 5m bar index and the last bar starts, the 5m bar waiting for its 30m bar, every indicator's windows and
/// accumulators, and the latest outputs (carried by 5m events and used in place of a non-finite value).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FeatureEngineState(
    [property: Id(0)] string Symbol,
    [property: Id(1)] long Next5mIndex,
    [property: Id(2)] DateTime? Last5mStart,
    [property: Id(3)] DateTime? Last30mStart,
    [property: Id(4)] PendingFiveMinuteBar? Pending,
    [property: Id(5)] FairValueGapTrackerState Fvg,
    [property: Id(6)] FiveMinuteStatisticsState FiveMinute,
    [property: Id(7)] HeikenAshiState HeikenAshi,
    [property: Id(8)] MlmiState Mlmi,
    [property: Id(9)] NwrqkState Nwrqk,
    [property: Id(10)] ThirtyMinuteStatisticsState ThirtyMinute,
    [property: Id(11)] LvnProfileState Lvn,
    [property: Id(12)] MmdCalculatorState Mmd,
    [property: Id(13)] ThirtyMinuteFeatures Latest30m,
    [property: Id(14)] IndicatorReadiness Ready,
    [property: Id(15)] ThirtyMinuteStats LatestStats,
    [property: Id(16)] FvgFeatures LastFvg,
    [property: Id(17)] DerivedFeatures? LastDerived);

/// <summary>
/// A 5-minute bar that closes on a 30-minute boundary, with its 5m features already computed: it is published when
/// the 30-minute bar with the same close time arrives.
/// </summary>
/// <param name="Index">The bar's 5m index: the event's seq.</param>
[GenerateSerializer, Immutable]
public sealed record PendingFiveMinuteBar(
    [property: Id(0)] long Index,
    [property: Id(1)] BarPayload Bar,
    [property: Id(2)] FvgFeatures Fvg,
    [property: Id(3)] double Momentum5,
    [property: Id(4)] double VolumeRatio);

/// <summary>What one bar produced: the INDICATORS_READY payloads to publish, warnings, and why a bar was refused.</summary>
/// <param name="Rejection">Set when the bar was malformed and not used; the component reports it as an error.</param>
public sealed record FeatureStep(IReadOnlyList<IndicatorsReadyPayload> Ready, IReadOnlyList<string> Warnings, string? Rejection)
{
    public static FeatureStep Nothing { get; } = new([], [], null);
}
