using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class RiskManagementSettings
{
    [RequiredSetting, SettingRange(0, 100_000_000, ExclusiveMinimum = true), SettingUnit("USD")]
    [Description("No new trade once the day's P&L is at or below minus this amount: each instrument's M-RMS stops at it, and with more than one symbol the account's execution handler stops every instrument at it too.")]
    public double MaxDailyLoss { get; init; } = 5000;

    [SettingRange(1, 10_000)]
    [Description("Portfolio gate: the most instruments holding a position (or an entry waiting for its fill) at once; left out, no limit.")]
    public int? MaxOpenPositions { get; init; }

    [SettingRange(0, 1_000_000_000_000, ExclusiveMinimum = true), SettingUnit("USD")]
    [Description("Portfolio gate: the most gross exposure across instruments, every active trade's contracts at the last price times the point value, the new order's included; left out, no limit.")]
    public double? MaxGrossExposure { get; init; }
}
