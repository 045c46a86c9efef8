using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>Builds SYNERGY_DETECTED from a completed pattern and the INDICATORS_READY that completed it (component-contracts 2.5, Payload).</summary>
public static class SynergyPayloadFactory
{
    /// <summary>Market-context defaults for a non-finite feature (component-contracts 3: synergy_detector.defaults).</summary>
    private const double DefaultVolumeRatio = 1.0;

    public static SynergyDetectedPayload Create(
        string synergyType, IReadOnlyList<SynergySignal> sequence, IndicatorsReadyPayload payload, SynergyDetectorSettings settings)
    {
        var barsToComplete = sequence[^1].BarIndex - sequence[0].BarIndex + 1;
        var meanStrength = sequence.Average(s => s.Strength);
        // Strong signals that arrive close together make a better pattern: 60 % strength, 30 % speed, 10 % base.
        var quality = Math.Clamp(0.6 * meanStrength + 0.3 * (1 - (double)barsToComplete / settings.TimeWindowBars) + 0.1, 0, 1);

        return new SynergyDetectedPayload(
            synergyType,
            sequence[0].Signal,
            Confidence: 1.0,
            payload.Timestamp,
            payload.Symbol,
            payload.Seq,
            sequence.ToList(),
            new SignalStrengths(StrengthOf(sequence, SignalTypes.Mlmi), StrengthOf(sequence, SignalTypes.Nwrqk), StrengthOf(sequence, SignalTypes.Fvg)),
            Context(payload),
            new SynergyMetadata(barsToComplete, quality, payload.Timestamp));
    }

    private static double StrengthOf(IReadOnlyList<SynergySignal> sequence, string type) =>
        sequence.FirstOrDefault(s => s.Type == type)?.Strength ?? 0;

    private static MarketContext Context(IndicatorsReadyPayload payload)
    {
        var d = payload.Derived;
        var f = payload.Features30m;
        return new MarketContext(
            d.CurrentPrice,
            OrDefault(d.Volatility30, 0),
            OrDefault(d.VolumeRatio, DefaultVolumeRatio),
            OrDefault(d.PriceMomentum5, 0),
            OrDefault(d.Atr14, 0),
            OrDefault(d.Rsi14, 0),
            OrDefault(d.Spread, 0),
            new NearestLvn(OrDefault(f.LvnNearestPrice, 0), OrDefault(f.LvnNearestStrength, 0), OrDefault(f.LvnDistancePoints, 0)));
    }

    private static double OrDefault(double value, double fallback) => double.IsFinite(value) ? value : fallback;
}
