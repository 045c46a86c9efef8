using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>
/// The tactical matrix, 60×7 = 5 hours of 5-minute rows (component-contracts 2.4), one row per INDICATORS_READY.
/// p is the 5-minute close (current_price). No column needs rolling statistics.
/// </summary>
public sealed class FiveMinuteMatrixBuilder(MatrixAssemblerSettings settings)
    : MatrixBuilder("matrix_assemblers.5m", settings, ColumnFeatures, ColumnFeatures.Count)
{
    public static IReadOnlyList<string> ColumnFeatures { get; } =
        ["fvg_bullish_active", "fvg_bearish_active", "fvg_nearest_level", "fvg_mitigation_signal", "price_momentum_5", "volume_ratio", "fvg_gap_size_pct"];

    private const double FinalClip = 2;

    protected override IReadOnlyList<EmaZScore> Normalizers { get; } = [];

    public override bool AppendsOn(string trigger) => true;

    protected override void FillRow(IndicatorsReadyPayload payload, Span<float> row, ReadOnlySpan<float> previous, List<string> nonFinite)
    {
        var fvg = payload.Fvg;
        var derived = payload.Derived;
        if (fvg is null)
        {
            // A missing group keeps the last values (else 0).
            previous[..4].CopyTo(row[..4]);
            row[6] = previous[6];
        }
        else
        {
            row[0] = fvg.BullishActive ? 1 : 0;
            row[1] = fvg.BearishActive ? 1 : 0;
            row[2] = NearestLevelCell(fvg.NearestLevel, derived?.CurrentPrice ?? double.NaN, nonFinite);
            row[3] = fvg.MitigationSignal ? 1 : 0;
            if (IsFinite(fvg.GapSizePct, "fvg_gap_size_pct", nonFinite)) row[6] = (float)Math.Clamp(fvg.GapSizePct / 5, 0, 1);
        }

        if (derived is null)
        {
            row[4] = previous[4];
            row[5] = previous[5];
        }
        else
        {
            if (IsFinite(derived.PriceMomentum5, "price_momentum_5", nonFinite)) row[4] = Clip(derived.PriceMomentum5 / 5, 1);
            if (IsFinite(derived.VolumeRatio, "volume_ratio", nonFinite) && derived.VolumeRatio > 0) row[5] = (float)Math.Tanh(Math.Log(derived.VolumeRatio));
        }

        for (var i = 0; i < row.Length; i++) row[i] = Clip(row[i], FinalClip);
    }

    /// <summary>Distance of the nearest live gap from the close in percent, clipped ±2 and scaled to ±1; 0 without a gap.</summary>
    private static float NearestLevelCell(double level, double price, List<string> nonFinite)
    {
        if (!IsFinite(level, "fvg_nearest_level", nonFinite) || level <= 0) return 0;
        return IsPrice(price, nonFinite) ? Clip(100 * (level - price) / price, 2) / 2 : 0;
    }
}
