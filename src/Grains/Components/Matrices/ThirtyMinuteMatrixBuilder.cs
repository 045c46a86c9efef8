using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>
/// The structure matrix, 48×8 = 24 hours of 30-minute rows (component-contracts 2.4). A row is appended only when
/// the 30-minute path ran (trigger "30m"). p is the current price of that event: the 5-minute bar that closes a
/// 30-minute bucket closes at the same price as the 30-minute bar, so it is the 30-minute close.
/// </summary>
public sealed class ThirtyMinuteMatrixBuilder : MatrixBuilder
{
    public static IReadOnlyList<string> ColumnFeatures { get; } =
        ["mlmi_value", "mlmi_signal", "nwrqk_value", "nwrqk_slope", "lvn_distance_points", "lvn_nearest_strength", "time_hour_sin", "time_hour_cos"];

    /// <summary>α of the nwrqk_slope z-score when feature_configs does not set it.</summary>
    public const double SlopeAlpha = 0.05;

    private const double FinalClip = 3;

    private readonly EmaZScore _slope;

    public ThirtyMinuteMatrixBuilder(MatrixAssemblerSettings settings)
        : base("matrix_assemblers.30m", settings, ColumnFeatures, ColumnFeatures.Count)
    {
        _slope = new EmaZScore(AlphaOf("nwrqk_slope", SlopeAlpha));
        Normalizers = [_slope];
    }

    protected override IReadOnlyList<EmaZScore> Normalizers { get; }

    public override bool AppendsOn(string trigger) => trigger == IndicatorsReadyPayload.Trigger30m;

    protected override void FillRow(IndicatorsReadyPayload payload, Span<float> row, ReadOnlySpan<float> previous, List<string> nonFinite)
    {
        var f = payload.Features30m;
        if (f is null)
        {
            // A missing group keeps the last values (else 0); the clock columns need only the bar start.
            previous[..6].CopyTo(row);
        }
        else
        {
            var hasPrice = IsPrice(payload.Derived?.CurrentPrice ?? double.NaN, nonFinite);
            var p = payload.Derived?.CurrentPrice ?? 0;
            if (IsFinite(f.MlmiValue, "mlmi_value", nonFinite)) row[0] = (float)((f.MlmiValue - 50) / 50);
            row[1] = f.MlmiSignal;
            if (hasPrice && IsFinite(f.NwrqkValue, "nwrqk_value", nonFinite)) row[2] = Clip(100 * (f.NwrqkValue - p) / p, 5) / 5;
            if (IsFinite(f.NwrqkSlope, "nwrqk_slope", nonFinite)) row[3] = SlopeCell(f.NwrqkSlope);
            if (hasPrice && IsFinite(f.LvnDistancePoints, "lvn_distance_points", nonFinite)) row[4] = (float)Math.Exp(-100 * f.LvnDistancePoints / p);
            if (IsFinite(f.LvnNearestStrength, "lvn_nearest_strength", nonFinite)) row[5] = (float)(f.LvnNearestStrength / 100);
        }

        var start = payload.BarStart30m;
        var angle = 2 * Math.PI * (start.Hour + start.Minute / 60.0) / 24;
        row[6] = (float)Math.Sin(angle);
        row[7] = (float)Math.Cos(angle);

        for (var i = 0; i < row.Length; i++) row[i] = Clip(row[i], FinalClip);
    }

    /// <summary>z-score clipped ±2 and scaled to ±1 once it applies; tanh(10v) while the statistics warm up.</summary>
    private float SlopeCell(double slope)
    {
        _slope.Add(slope);
        return _slope.IsApplied ? Clip(_slope.Score(slope), 2) / 2 : (float)Math.Tanh(10 * slope);
    }
}
