using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class SystemSettings
{
    [RequiredSetting, Description("live trades a real-time feed; backtest replays a file. --mode overrides it.")]
    public TradingMode Mode { get => _mode; init => _mode = value; }

    private TradingMode _mode = TradingMode.Backtest;

    [Description("Least severe log level written. --log-level and --debug override it.")]
    public LogLevelSetting LogLevel { get; init; } = LogLevelSetting.Info;

    [Description("console writes readable lines; json writes one JSON object per line.")]
    public LogFormat LogFormat { get; init; } = LogFormat.Console;

    [SettingRange(1, 3600), SettingUnit("seconds")]
    [Description("Longest a graceful shutdown may take before the emergency path runs.")]
    public int ShutdownTimeout { get; init; } = 30;

    [SettingRange(0.01, 3600), SettingUnit("seconds")]
    [Description("How often a backtest logs a progress line when the output is not a terminal (redirected, CI, --display plain); a terminal shows the live display instead, and live mode logs the feed's state once a minute.")]
    public double ProgressInterval { get; init; } = 2;

    [Description("Timeouts of the run sequence's steps (create, wire, start; stop data, protect the book, drain, report, checkpoint and stop).")]
    public RunStepSettings Steps { get; init; } = new();

    [Description("Timeouts of the emergency path's steps; together at most 4.5 s, inside the 5 seconds the path may take.")]
    public EmergencyStepSettings EmergencySteps { get; init; } = new();

    [Description("When a component's slow event handlers are warned about; each component's budget is its kind's (components[].handler_budget_ms overrides it).")]
    public SlowHandlerSettings SlowHandlers { get; init; } = new();

    [SettingRange(1, 86_400), SettingUnit("seconds")]
    [Description("A warning that repeats per event (a bar gap, a skipped input, a slow handler) is logged in full once, then summarised (count, worst, last) at most this often and when its component stops.")]
    public double WarningSummaryInterval { get; init; } = 60;

    [Description("Whether a graceful shutdown flattens open positions (working orders are always cancelled).")]
    public bool ClosePositionsOnShutdown { get; init; } = true;

    [Description("Whether the operator's mode switch flattens open positions (working orders are always cancelled). When false, a switch with positions open is refused: the other mode's execution handler starts with an empty book.")]
    public bool FlattenOnModeSwitch { get; init; } = true;

    [SettingRange(0, int.MaxValue)]
    [Description("Seed of every pseudo-random choice (fill probability, MC dropout): the same seed gives the same trades.")]
    public int RunSeed { get; init; } = 42;

    [SettingPath(SettingPathKind.Directory)]
    [Description("Folder for run output (reports, trades, saved state). Created if missing; must lie inside the project root.")]
    public string OutputDir { get; init; } = "../output";

    /// <summary>A copy with <see cref="Mode"/> replaced (see <see cref="AlgoSpaceSettings.InMode"/>).</summary>
    public SystemSettings WithMode(TradingMode mode)
    {
        var copy = (SystemSettings)MemberwiseClone();
        copy._mode = mode;
        return copy;
    }
}
