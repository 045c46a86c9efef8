using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class BarsSettings
{
    /// <summary>
    /// Four days of 5-minute bars, the most one tick may fill and the default. The synthetic bars of a gap are
    /// published within the handling of the one NEW_TICK that crosses it, each going through the whole pipeline (the
    /// indicator engine alone takes 3 to 8 ms a bar on a 2-core machine), and that handling must finish inside
    /// Orleans' 30-second response timeout, also on a busy machine (docs/architecture.md "Data validation" has the
    /// measurements). Four days covers every weekend, holiday and session break of real futures data (the longest in
    /// ../shared/data is 1,151 empty 5-minute buckets) and the default job's weekends (594).
    /// </summary>
    public const int DefaultMaxGapFillBars = 1152;

    [SettingRange(1, DefaultMaxGapFillBars), SettingUnit("bars")]
    [Description("Longest gap (per timeframe) filled with synthetic bars; a longer one is logged and left unfilled. The default, four days of 5-minute bars, fills weekends and holidays; it is also the most allowed, so that one tick's gap fill stays well inside the 30-second call timeout.")]
    public int MaxGapFillBars { get; init; } = DefaultMaxGapFillBars;
}
