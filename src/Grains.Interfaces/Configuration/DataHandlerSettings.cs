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
    [Description("Tick or OHLCV bar CSV replayed in backtest mode, as the ticks of the one symbol traded. Required when the mode is backtest, unless backtest_files gives the files.")]
    public string? BacktestFile { get; init; }

    [SettingPath(SettingPathKind.File, MustExist = true)]
    [Description("A portfolio's backtest files, by symbol: one tick or bar CSV for each symbol of symbols, merged in time order (equal times in the order of symbols) and published 5-minute window by window, instrument by instrument (docs/configuration.md, \"A portfolio\"). Replaces backtest_file when more than one symbol is traded.")]
    public Dictionary<string, string> BacktestFiles { get; init; } = [];

    /// <summary>The file each traded symbol replays: backtest_files when given, else backtest_file as the first symbol's (null: none configured).</summary>
    public IReadOnlyList<(string Symbol, string? Path)> FilesFor(IReadOnlyList<string> symbols) =>
        BacktestFiles.Count > 0
            ? symbols.Select(s => (s, BacktestFiles.GetValueOrDefault(s))).ToList()
            : [(symbols.Count > 0 ? symbols[0] : "", BacktestFile)];

    /// <summary>The backtest files' names, for reports and progress lines ("ES-ticks.csv.gz, NQ-ticks.csv.gz"); empty when none is set.</summary>
    public string BacktestFileNames(IReadOnlyList<string> symbols) =>
        string.Join(", ", FilesFor(symbols).Where(f => f.Path is not null).Select(f => System.IO.Path.GetFileName(f.Path!)));

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
