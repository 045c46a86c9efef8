using System.ComponentModel;

namespace AlgoSpace.Configuration;

public sealed class BarsSettings
{
    /// <summary>
    /// One week of 5-minute bars: every weekend, holiday and session break of real futures data (at most four days in
    /// ../shared/data) is filled as before, while a longer hole (missing data, a confirmed jump in time) is skipped.
    /// </summary>
    public const int DefaultMaxGapFillBars = 2016;

    /// <summary>
    /// The most a setting may allow. The synthetic bars of one gap are published within the handling of one NEW_TICK,
    /// which must finish inside Orleans' response timeout (30 s); docs/architecture.md "Data validation" has the timing.
    /// </summary>
    public const int MaxAllowedGapFillBars = 10_000;

    [SettingRange(1, MaxAllowedGapFillBars), SettingUnit("bars")]
    [Description("Longest gap (per timeframe) filled with synthetic bars; a longer one is logged and skipped. The default, a week of 5-minute bars, fills weekends and holidays. Bounded so that one tick's gap fill cannot outlast a call timeout.")]
    public int MaxGapFillBars { get; init; } = DefaultMaxGapFillBars;
}
