using System.ComponentModel;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class DataHandlerSettings
{
    /// <summary>The validator's own default (see <see cref="TickValidator.DefaultMaxTimeJumpHours"/>).</summary>
    public const int DefaultMaxTimeJumpHours = TickValidator.DefaultMaxTimeJumpHours;

    [Description("The seed's data handler mode. Leave it out to follow system.mode; if given it must agree with system.mode.")]
    public TradingMode? Mode { get; init; }

    [SettingPath(SettingPathKind.File, MustExist = true)]
    [Description("Tick or OHLCV bar CSV replayed in backtest mode. Required when the mode is backtest.")]
    public string? BacktestFile { get; init; }

    [Description("Input format of backtest_file; auto detects it from the header.")]
    public DataFileFormat Format { get; init; } = DataFileFormat.Auto;

    [SettingRange(0, 1_000_000)]
    [Description("Backtest pacing: 0 replays as fast as possible; s > 0 sleeps (time between ticks)/s.")]
    public double ReplaySpeed { get; init; }

    [Description("Whether a row that cannot be used stops the run (true) or is counted, reported with its line number and skipped (false).")]
    public bool RejectedRowsFatal { get; init; }

    [SettingRange(1, 87_600), SettingUnit("hours")]
    [Description("A row whose time is further than this after the last accepted tick is an outlier, accepted only when three consecutive such rows agree (a real gap in the data); one further back is rejected as an outlier. Applies to backtest files and live feeds.")]
    public int MaxTimeJumpHours { get; init; } = DefaultMaxTimeJumpHours;

    [SettingRange(1, 1_000_000), SettingUnit("ticks")]
    [Description("A DEBUG line is logged every this many ticks published (people see the silo's progress display or lines).")]
    public int LogEvery { get; init; } = 1000;

    [Description("The WebSocket market-data feed used in live mode.")]
    public LiveFeedSettings Live { get; init; } = new();
}
