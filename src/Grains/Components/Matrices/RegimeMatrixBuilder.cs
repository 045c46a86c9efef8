using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Matrices;

/// <summary>
/// The regime matrix, 96×26 = 48 hours of 30-minute rows (component-contracts 2.4): the 23 MMD features and three
/// derived statistics, appended only when trigger = "30m". The z-scored columns give 0 while their statistics warm
/// up (n ≤ 10): 0 is the z-score's neutral value, and a raw statistic is on another scale entirely.
/// </summary>
public sealed class RegimeMatrixBuilder : MatrixBuilder
{
    public static IReadOnlyList<string> ColumnFeatures { get; } = ["mmd_features", "volatility_30", "volume_profile_skew", "price_acceleration"];

    public const int ColumnCount = 26;

    /// <summary>α of the MMD statistics columns 7–21 when feature_configs.mmd_features does not set it.</summary>
    public const double StatisticsAlpha = 0.01;

    /// <summary>α of volatility_30 when feature_configs does not set it.</summary>
    public const double VolatilityAlpha = 0.05;

    private const int FirstStatistic = 7;
    private const int LastStatistic = 21;
    private const int MmdMean = 22;
    private const int Volatility = 23;
    private const int Skew = 24;
    private const int Acceleration = 25;

    private readonly EmaZScore[] _statistics;
    private readonly EmaZScore _volatility;

    public RegimeMatrixBuilder(MatrixAssemblerSettings settings)
        : base("matrix_assemblers.regime", settings, ColumnFeatures, ColumnCount)
    {
        var statisticsAlpha = AlphaOf("mmd_features", StatisticsAlpha);
        _statistics = Enumerable.Range(0, LastStatistic - FirstStatistic + 1).Select(_ => new EmaZScore(statisticsAlpha)).ToArray();
        _volatility = new EmaZScore(AlphaOf("volatility_30", VolatilityAlpha));
        Normalizers = [.. _statistics, _volatility];
    }

    protected override IReadOnlyList<EmaZScore> Normalizers { get; }

    public override bool AppendsOn(string trigger) => trigger == IndicatorsReadyPayload.Trigger30m;

    protected override void FillRow(IndicatorsReadyPayload payload, Span<float> row, ReadOnlySpan<float> previous, List<string> nonFinite)
    {
        var mmd = payload.Features30m?.MmdFeatures ?? [];
        for (var i = 0; i <= MmdMean; i++)
        {
            // A missing entry keeps its last value (else 0).
            if (i >= mmd.Count) row[i] = previous[i];
            else if (IsFinite(mmd[i], $"mmd_features[{i}]", nonFinite)) row[i] = i is >= FirstStatistic and <= LastStatistic ? Scored(_statistics[i - FirstStatistic], mmd[i], 3) : Clip(mmd[i], 3);
        }

        var derived = payload.Derived;
        if (derived is null)
        {
            previous[Volatility..].CopyTo(row[Volatility..]);
            return;
        }

        if (IsFinite(derived.Volatility30, "volatility_30", nonFinite)) row[Volatility] = Scored(_volatility, derived.Volatility30, 2);
        if (IsFinite(derived.VolumeProfileSkew, "volume_profile_skew", nonFinite)) row[Skew] = (float)(derived.VolumeProfileSkew / 3);
        if (IsFinite(derived.PriceAcceleration, "price_acceleration", nonFinite)) row[Acceleration] = (float)(derived.PriceAcceleration / 5);
    }

    private static float Scored(EmaZScore normalizer, double value, double clip)
    {
        normalizer.Add(value);
        return normalizer.IsApplied ? Clip(normalizer.Score(value), clip) : 0;
    }
}
