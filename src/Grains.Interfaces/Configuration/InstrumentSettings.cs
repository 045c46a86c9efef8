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

    [SettingPattern("^([01][0-9]|2[0-3]):[0-5][0-9]$", "a time of day HH:MM")]
    [Description("This instrument's session close (simulation time) for force_flat_eod and the market-closed check, where it differs from execution.session_close (a portfolio whose instruments close at different times).")]
    public string? SessionClose { get; init; }
}
