using System.ComponentModel;

namespace AlgoSpace.Configuration;

public sealed class BarsSettings
{
    [SettingRange(0, 1_000_000), SettingUnit("bars")]
    [Description("Longest gap filled with synthetic bars; 0 fills every gap. A longer gap is logged and skipped.")]
    public int MaxGapFillBars { get; init; }
}
