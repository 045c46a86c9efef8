using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class SynergyDetectorSettings
{
    [SettingRange(1, 1000), SettingUnit("5-minute bars"), Description("A pattern must complete within this many bars of its first signal.")]
    public int TimeWindowBars { get; init; } = 10;

    [SettingRange(0, 1000), SettingUnit("5-minute bars"), Description("A pattern completed sooner than this after the last synergy is discarded.")]
    public int CooldownBars { get; init; } = 5;

    [SettingRange(1, 1440), SettingUnit("minutes"), Description("Length of the bar the detector counts in; must equal the smallest timeframe.")]
    public int BarDurationMinutes { get; init; } = 5;

    [SettingRange(3, 3), Description("Signals in a pattern (v1 patterns have exactly three).")]
    public int RequiredSignals { get; init; } = 3;

    [SettingRange(0, 1), Description("MLMI counts when |value - neutral line| >= this times the scaling factor.")]
    public double MlmiThreshold { get; init; } = 0.5;

    [SettingRange(0, 100)]
    public double MlmiNeutralLine { get; init; } = 50;

    [SettingRange(0, 100, ExclusiveMinimum = true)]
    public double MlmiScalingFactor { get; init; } = 50;

    [SettingRange(0, 1000), SettingUnit("points per bar"), Description("NW-RQK counts when |slope| >= this.")]
    public double NwrqkThreshold { get; init; } = 0.3;

    [SettingRange(0, 1000, ExclusiveMinimum = true), SettingUnit("points per bar"), Description("Slope at which NW-RQK strength reaches 1.")]
    public double NwrqkMaxSlope { get; init; } = 2.0;

    [SettingRange(0, 1), Description("FVG counts when gap size / price >= this.")]
    public double FvgMinSize { get; init; } = 0.001;

    [SettingRange(0, 1, ExclusiveMinimum = true), Description("Gap size / price at which FVG strength reaches 1.")]
    public double FvgMaxGapPct { get; init; } = 0.01;

    [SettingRange(0, 1)]
    public double MlmiMaxStrength { get; init; } = 1.0;

    [SettingRange(0, 1)]
    public double NwrqkMaxStrength { get; init; } = 1.0;

    [SettingRange(0, 1)]
    public double FvgMaxStrength { get; init; } = 1.0;

    [SettingRange(0, 60_000), SettingUnit("milliseconds"), Description("The synergy detector's handler budget: an event that takes longer counts as slow (docs/configuration.md, \"Slow handlers and repeated warnings\").")]
    public double ProcessingTimeWarningMs { get; init; } = 1.0;
}
