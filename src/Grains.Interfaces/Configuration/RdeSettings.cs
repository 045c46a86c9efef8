using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class RdeSettings
{
    [SettingRange(1, 4096), Description("Features per regime-matrix row.")]
    public int InputDim { get; init; } = 26;

    [SettingRange(1, 4096)]
    public int DModel { get; init; } = 256;

    [SettingRange(1, 1024), Description("Length of the regime vector.")]
    public int LatentDim { get; init; } = 8;

    [SettingRange(1, 64)]
    public int NHeads { get; init; } = 8;

    [SettingRange(1, 64)]
    public int NLayers { get; init; } = 3;

    [SettingRange(0, 1)]
    public double Dropout { get; init; } = 0.1;

    [SettingPattern("^cpu$", "cpu (no accelerator is used in v1)"), Description("Inference device.")]
    public string Device { get; init; } = "cpu";

    [SettingRange(1, 10_000), SettingUnit("30-minute bars"), Description("Rows of the regime matrix fed to the model.")]
    public int SequenceLength { get; init; } = 96;

    [SettingRange(0, 1_000_000), SettingUnit("30-minute bars"), Description("The regime vector is valid only after this many bars.")]
    public int WarmupPeriods { get; init; } = 200;
}
