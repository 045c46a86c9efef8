using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>
/// Which signals an INDICATORS_READY activates (component-contracts 2.5, Activation), in the order mlmi, nwrqk,
/// fvg. MLMI and NW-RQK are 30-minute indicators: they count only on the event where the 30-minute path ran, so one
/// crossing is one signal however many 5-minute events follow it.
/// </summary>
public static class SignalActivation
{
    /// <summary>The activated signals; the payload must have passed <see cref="SynergyInputCheck"/>.</summary>
    public static IReadOnlyList<SynergySignal> Evaluate(IndicatorsReadyPayload payload, SynergyDetectorSettings settings)
    {
        var signals = new List<SynergySignal>(3);
        var f = payload.Features30m;
        if (payload.Trigger == IndicatorsReadyPayload.Trigger30m)
        {
            var deviation = Math.Abs(f.MlmiValue - settings.MlmiNeutralLine);
            if (f.MlmiSignal != 0 && deviation >= settings.MlmiThreshold * settings.MlmiScalingFactor)
            {
                signals.Add(Signal(payload, SignalTypes.Mlmi, f.MlmiValue, f.MlmiSignal,
                    Math.Min(deviation / settings.MlmiScalingFactor, settings.MlmiMaxStrength)));
            }

            var slope = Math.Abs(f.NwrqkSlope);
            if (f.NwrqkSignal != 0 && slope >= settings.NwrqkThreshold)
            {
                signals.Add(Signal(payload, SignalTypes.Nwrqk, f.NwrqkSlope, f.NwrqkSignal,
                    Math.Min(slope / settings.NwrqkMaxSlope, settings.NwrqkMaxStrength)));
            }
        }

        var fvg = payload.Fvg;
        if (fvg.MitigationSignal)
        {
            // Both sides mitigated on one bar: the bullish gap wins.
            var (direction, size) = fvg.BullishMitigated ? (1, fvg.BullishMitigatedSize) : (-1, fvg.BearishMitigatedSize);
            var relative = size / payload.Derived.CurrentPrice;
            if (relative >= settings.FvgMinSize)
            {
                signals.Add(Signal(payload, SignalTypes.Fvg, relative, direction,
                    Math.Min(relative / settings.FvgMaxGapPct, settings.FvgMaxStrength)));
            }
        }

        return signals;
    }

    private static SynergySignal Signal(IndicatorsReadyPayload payload, string type, double value, int direction, double strength) =>
        new(type, value, direction, strength, payload.Timestamp, payload.Seq);
}
