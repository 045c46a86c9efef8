using System.ComponentModel;

namespace AlgoSpace.Configuration;

public sealed class BarsSettings
{
    /// <summary>
    /// One week of 5-minute bars, the most one tick may fill and the default. The synthetic bars of a gap are published
    /// within the handling of the one NEW_TICK that crosses it, each going through the whole pipeline, and that
    /// handling must finish inside Orleans' 30-second response timeout: the largest fill (2,014 five- and 335
    /// thirty-minute bars) took 7.2 s in process on a 2-core machine (docs/architecture.md "Data validation"). A week
    /// covers every weekend, holiday and session break of real futures data (at most four days in ../shared/data)
    /// and matches data_handler.max_time_jump_hours, so every gap accepted without confirmation is filled.
    /// </summary>
    public const int DefaultMaxGapFillBars = 2016;

    [SettingRange(1, DefaultMaxGapFillBars), SettingUnit("bars")]
    [Description("Longest gap (per timeframe) filled with synthetic bars; a longer one is logged and left unfilled. The default, a week of 5-minute bars, fills weekends and holidays; it is also the most allowed, so that one tick's gap fill stays well inside the 30-second call timeout.")]
    public int MaxGapFillBars { get; init; } = DefaultMaxGapFillBars;
}
