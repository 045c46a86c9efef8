using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class RiskManagementSettings
{
    [RequiredSetting, SettingRange(0, 100_000_000, ExclusiveMinimum = true), SettingUnit("USD")]
    [Description("No new trade once the day's P&L is at or below minus this amount.")]
    public double MaxDailyLoss { get; init; } = 5000;
}
