using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class MatrixAssemblersSettings
{
    [SettingKey("30m"), Description("The structure matrix, one row per 30-minute bar.")]
    public MatrixAssemblerSettings ThirtyMinute { get; init; } = new()
    {
        WindowSize = 48,
        WarmupPeriod = 48,
        Features = ["mlmi_value", "mlmi_signal", "nwrqk_value", "nwrqk_slope", "lvn_distance_points", "lvn_nearest_strength", "time_hour_sin", "time_hour_cos"],
    };

    [SettingKey("5m"), Description("The tactical matrix, one row per 5-minute bar.")]
    public MatrixAssemblerSettings FiveMinute { get; init; } = new()
    {
        WindowSize = 60,
        WarmupPeriod = 20,
        Features = ["fvg_bullish_active", "fvg_bearish_active", "fvg_nearest_level", "fvg_mitigation_signal", "price_momentum_5", "volume_ratio", "fvg_gap_size_pct"],
    };

    [Description("The regime matrix, one row per 30-minute bar.")]
    public MatrixAssemblerSettings Regime { get; init; } = new()
    {
        WindowSize = 96,
        WarmupPeriod = 30,
        Features = ["mmd_features", "volatility_30", "volume_profile_skew", "price_acceleration"],
    };
}

public sealed class MatrixAssemblerSettings
{
    [SettingRange(1, 10_000), SettingUnit("rows"), Description("Rows in the matrix; it is ready when this many rows have arrived.")]
    public int WindowSize { get; init; } = 48;

    [SettingRange(0, 10_000), SettingUnit("rows"), Description("Kept for compatibility with the source settings; readiness always needs a full window so shapes stay fixed.")]
    public int WarmupPeriod { get; init; }

    [Description("Feature columns in order (component-contracts 2.4).")]
    public List<string> Features { get; init; } = [];

    [Description("Per-feature normalisation settings.")]
    public Dictionary<string, FeatureNormalisationSettings> FeatureConfigs { get; init; } = [];
}

public sealed class FeatureNormalisationSettings
{
    [SettingRange(0, 1, ExclusiveMinimum = true), Description("Smoothing factor of the rolling mean and variance.")]
    public double EmaAlpha { get; init; } = 0.01;
}
