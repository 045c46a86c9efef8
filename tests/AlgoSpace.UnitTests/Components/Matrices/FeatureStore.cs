using AlgoSpace.Grains.Interfaces.Events;

// Shared by the Matrices and Synergy tests: INDICATORS_READY payloads built directly, as the indicator engine would.
namespace AlgoSpace.Tests.Components;

/// <summary>INDICATORS_READY payloads with neutral defaults that a test changes with <c>with</c>.</summary>
public static class FeatureStore
{
    public static readonly DateTime Day = new(2024, 1, 2);

    public const double Price = 5000;

    /// <summary>Event <paramref name="seq"/>: the 5-minute bar starting seq·5 minutes into the day, closing 5 minutes later.</summary>
    public static IndicatorsReadyPayload Event(long seq, string trigger = IndicatorsReadyPayload.Trigger5m) =>
        new("ES", seq, trigger,
            Timestamp: Day.AddMinutes(5 * (seq + 1)),
            BarStart5m: Day.AddMinutes(5 * seq),
            BarStart30m: Day,
            IsSynthetic: false,
            new IndicatorReadiness(true, true, true, true),
            ThirtyMinuteFeatures.Defaults,
            FvgFeatures.None,
            Derived());

    public static IndicatorsReadyPayload Event30m(long seq) => Event(seq, IndicatorsReadyPayload.Trigger30m);

    public static DerivedFeatures Derived(double price = Price) => new(
        CurrentPrice: price, CurrentVolume: 1000, PriceMomentum5: 0, VolumeRatio: 1, Volatility30: 0,
        VolumeProfileSkew: 0, PriceAcceleration: 0, Atr14: 0, Rsi14: 50, Spread: 0.25);

    public static EventEnvelope Envelope(IndicatorsReadyPayload payload) =>
        new(EventTypes.IndicatorsReady, payload.Seq, payload.Timestamp, "indicator_engine", $"indicator_engine:{payload.Seq}", payload);
}
