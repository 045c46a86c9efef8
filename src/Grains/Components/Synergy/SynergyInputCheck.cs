using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>
/// The inputs the detector needs (component-contracts 2.5, Errors): a missing or invalid one means the event is
/// skipped with a warning, rather than a pattern built on a made-up value.
/// </summary>
public static class SynergyInputCheck
{
    /// <summary>Why the event cannot be used, or null when it can.</summary>
    public static string? Problem(IndicatorsReadyPayload payload)
    {
        if (payload.Timestamp == default) return "timestamp is missing";
        if (payload.Trigger is not (IndicatorsReadyPayload.Trigger5m or IndicatorsReadyPayload.Trigger30m)) return $"trigger '{payload.Trigger}' is neither 5m nor 30m";
        if (payload.Features30m is not { } f) return "the 30-minute features are missing";
        if (payload.Fvg is not { } fvg) return "the FVG features are missing";
        if (payload.Derived is not { } derived) return "the derived features are missing";
        if (!double.IsFinite(derived.CurrentPrice) || derived.CurrentPrice <= 0) return $"current_price {derived.CurrentPrice} is not a positive number";
        if (!double.IsFinite(f.MlmiValue) || f.MlmiValue is < 0 or > 100) return $"mlmi_value {f.MlmiValue} is outside [0, 100]";
        if (f.MlmiSignal is < -1 or > 1) return $"mlmi_signal {f.MlmiSignal} is not -1, 0 or 1";
        if (!double.IsFinite(f.NwrqkSlope)) return $"nwrqk_slope {f.NwrqkSlope} is not finite";
        if (f.NwrqkSignal is < -1 or > 1) return $"nwrqk_signal {f.NwrqkSignal} is not -1, 0 or 1";
        if (fvg.MitigationSignal)
        {
            if (!fvg.BullishMitigated && !fvg.BearishMitigated) return "fvg_mitigation_signal is set but neither side was mitigated";
            var size = fvg.BullishMitigated ? fvg.BullishMitigatedSize : fvg.BearishMitigatedSize;
            if (!double.IsFinite(size) || size < 0) return $"the mitigated gap's size {size} is not a non-negative number";
        }

        return null;
    }
}
