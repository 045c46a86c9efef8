using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class IndicatorsSettings
{
    [Description("Fair value gaps on 5-minute bars.")]
    public FvgSettings Fvg { get; init; } = new();

    [Description("Machine-learning momentum index on 30-minute Heiken Ashi closes.")]
    public MlmiSettings Mlmi { get; init; } = new();

    [Description("Nadaraya-Watson rational quadratic kernel on 30-minute Heiken Ashi closes.")]
    public NwrqkSettings Nwrqk { get; init; } = new();

    [Description("Low-volume nodes of the 30-minute volume profile.")]
    public LvnSettings Lvn { get; init; } = new();
}

public sealed class FvgSettings
{
    [SettingRange(0, 1), Description("Minimum gap size as a fraction of the close.")]
    public double Threshold { get; init; } = 0.001;

    [SettingRange(1, 1000), SettingUnit("bars"), Description("Bars averaged for the body filter.")]
    public int LookbackPeriod { get; init; } = 10;

    [SettingRange(0, 100), Description("The middle bar's body must exceed this multiple of the average body.")]
    public double BodyMultiplier { get; init; } = 1.5;

    [SettingRange(1, 10_000), SettingUnit("bars"), Description("A gap older than this is dropped.")]
    public int MaxAge { get; init; } = 50;
}

public sealed class MlmiSettings
{
    [SettingRange(1, 10_000), Description("Nearest neighbours voted in the prediction.")]
    public int KNeighbors { get; init; } = 200;

    [SettingRange(2, 1000), SettingUnit("bars"), Description("Window of the slow moving average and RSI features.")]
    public int MomentumWindow { get; init; } = 20;

    [Description("ma_cross signals when the value crosses its moving average; zero_cross when it crosses 50.")]
    public MlmiSignalMode SignalMode { get; init; } = MlmiSignalMode.MaCross;
}

public sealed class NwrqkSettings
{
    [SettingRange(0, 1000, ExclusiveMinimum = true), Description("Kernel bandwidth h.")]
    public double H { get; init; } = 8;

    [SettingRange(0, 1000, ExclusiveMinimum = true), Description("Kernel relative weighting r.")]
    public double R { get; init; } = 8;

    [SettingKey("x_0"), SettingRange(0, 10_000), SettingUnit("bars"), Description("Bars before the estimate is used.")]
    public int X0 { get; init; } = 25;

    [SettingRange(0, 100), Description("The second estimate uses bandwidth h - lag.")]
    public int Lag { get; init; } = 2;

    [SettingRange(1, 100_000), SettingUnit("bars"), Description("Longest history summed by the kernel.")]
    public int MaxLookback { get; init; } = 500;
}

public sealed class LvnSettings
{
    [SettingRange(1, 10_000), SettingUnit("bars"), Description("30-minute bars in the volume profile.")]
    public int VolumeProfileDays { get; init; } = 20;

    [SettingRange(0, 1), Description("A level is a low-volume node when its volume is below (1 - this) times the point of control.")]
    public double StrengthThreshold { get; init; } = 0.7;
}
