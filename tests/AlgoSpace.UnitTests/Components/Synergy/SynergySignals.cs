using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.FeatureStore;

namespace AlgoSpace.Tests.Components.Synergy;

/// <summary>INDICATORS_READY payloads that activate chosen signals with known strengths (default settings).</summary>
internal static class SynergySignals
{
    /// <summary>MLMI 50 ± 40 with a signal: |v − 50| = 40 ≥ 25 → active, strength 40/50 = 0.8. Needs trigger 30m.</summary>
    public static IndicatorsReadyPayload WithMlmi(this IndicatorsReadyPayload p, int direction, double value = double.NaN) =>
        p with { Features30m = p.Features30m with { MlmiSignal = direction, MlmiValue = double.IsNaN(value) ? 50 + 40 * direction : value } };

    /// <summary>NW-RQK slope ±1.0 with a signal: ≥ 0.3 → active, strength 1.0/2.0 = 0.5. Needs trigger 30m.</summary>
    public static IndicatorsReadyPayload WithNwrqk(this IndicatorsReadyPayload p, int direction, double slope = double.NaN) =>
        p with { Features30m = p.Features30m with { NwrqkSignal = direction, NwrqkSlope = double.IsNaN(slope) ? direction : slope } };

    /// <summary>A mitigated gap of 25 points at price 5000: 0.005 ≥ 0.001 → active, strength 0.005/0.01 = 0.5.</summary>
    public static IndicatorsReadyPayload WithFvg(this IndicatorsReadyPayload p, int direction, double size = 25) =>
        p with
        {
            Fvg = direction > 0
                ? FvgFeatures.None with { MitigationSignal = true, BullishMitigated = true, BullishMitigatedSize = size, BullishMitigatedLevel = 4990 }
                : FvgFeatures.None with { MitigationSignal = true, BearishMitigated = true, BearishMitigatedSize = size, BearishMitigatedLevel = 5010 },
        };

    public static IndicatorsReadyPayload Mlmi(long seq, int direction = 1) => Event30m(seq).WithMlmi(direction);

    public static IndicatorsReadyPayload Nwrqk(long seq, int direction = 1) => Event30m(seq).WithNwrqk(direction);

    public static IndicatorsReadyPayload Fvg(long seq, int direction = 1) => Event(seq).WithFvg(direction);

    public static IndicatorsReadyPayload Signal(string type, long seq, int direction = 1) => type switch
    {
        "mlmi" => Mlmi(seq, direction),
        "nwrqk" => Nwrqk(seq, direction),
        "fvg" => Fvg(seq, direction),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
