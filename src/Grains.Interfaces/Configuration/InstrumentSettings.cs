using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class InstrumentSettings
{
    [RequiredSetting, SettingRange(0, 1_000_000, ExclusiveMinimum = true), SettingUnit("points")]
    [Description("Minimum price increment.")]
    public double TickSize { get; init; }

    [RequiredSetting, SettingRange(0, 1_000_000, ExclusiveMinimum = true), SettingUnit("USD per point")]
    [Description("Dollar value of a one-point move for one contract.")]
    public double PointValue { get; init; }
}
