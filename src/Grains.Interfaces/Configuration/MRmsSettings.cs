using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class MRmsSettings
{
    [SettingRange(1, 1024)]
    public int SynergyDim { get; init; } = 30;

    [SettingRange(1, 1024)]
    public int AccountDim { get; init; } = 10;

    [SettingRange(1, 100), SettingUnit("contracts"), Description("Largest size the model may propose.")]
    public int MaxPositionSize { get; init; } = 5;

    [SettingRange(1, 4096)]
    public int HiddenDim { get; init; } = 128;

    [SettingRange(1, 4096)]
    public int PositionAgentHidden { get; init; } = 128;

    [SettingRange(1, 4096)]
    public int SlAgentHidden { get; init; } = 64;

    [SettingRange(1, 4096)]
    public int PtAgentHidden { get; init; } = 64;

    [SettingRange(0, 1)]
    public double DropoutRate { get; init; } = 0.2;

    [SettingRange(1, 10_000), SettingUnit("trades")]
    public int MaxOutcomeHistory { get; init; } = 20;

    [SettingRange(0, 1, ExclusiveMinimum = true), Description("Size is scaled down so that risk stays under this fraction of equity.")]
    public double MaxRiskPerTrade { get; init; } = 0.02;

    [SettingRange(0, 1, ExclusiveMinimum = true), Description("A trade that could take the day's P&L below minus this fraction of equity is rejected.")]
    public double MaxDailyDrawdown { get; init; } = 0.06;

    [SettingRange(1, 100), SettingUnit("positions")]
    public int MaxOpenPositions { get; init; } = 3;

    [SettingRange(1, 100_000), SettingUnit("5-minute bars"), Description("Time stop of a trade.")]
    public int MaxBarsInTrade { get; init; } = 100;
}
