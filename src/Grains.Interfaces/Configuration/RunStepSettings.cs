using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

/// <summary>
/// The longest each step of the run sequence may take (docs/architecture.md, "The run sequence"). A graceful
/// shutdown's steps are also bounded by what is left of system.shutdown_timeout; a startup step that runs out fails
/// the start (exit 3); a shutdown or mode-switch step that runs out turns to the emergency path (exit 4).
/// </summary>
public sealed class RunStepSettings
{
    [SettingRange(0.1, 3600), SettingUnit("seconds")]
    [Description("Create and initialise every component in dependency order, restoring a resumed run's checkpoint.")]
    public double Create { get; init; } = 600;

    [SettingRange(0.1, 3600), SettingUnit("seconds")]
    [Description("Give every producer its routes.")]
    public double Wire { get; init; } = 120;

    [SettingRange(0.1, 3600), SettingUnit("seconds")]
    [Description("Start every component, data sources last.")]
    public double Start { get; init; } = 120;

    [SettingRange(0.1, 3600), SettingUnit("seconds")]
    [Description("Stop the data sources and wait for the publish in progress.")]
    public double StopData { get; init; } = 30;

    [SettingRange(0.1, 3600), SettingUnit("seconds")]
    [Description("Cancel working orders and flatten positions as configured (or keep an interrupted backtest's book).")]
    public double ProtectBook { get; init; } = 30;

    [SettingRange(0.1, 3600), SettingUnit("seconds")]
    [Description("Wait until every published event has been handled by every subscriber.")]
    public double Drain { get; init; } = 30;

    [SettingRange(0.1, 3600), SettingUnit("seconds")]
    [Description("Write the run's report (trades, equity, statistics) to the run folder.")]
    public double Report { get; init; } = 30;

    [SettingRange(0.1, 3600), SettingUnit("seconds")]
    [Description("Commit a final checkpoint (or mark the run complete), then stop every component in reverse order.")]
    public double CheckpointAndStop { get; init; } = 30;
}

/// <summary>
/// The emergency path's bounds (NFR-SK-06: the whole path within 5 seconds). A step that runs out is logged and the
/// path goes on: a component busy in a slow handler is left to finish, and its last committed checkpoint stands.
/// </summary>
public sealed class EmergencyStepSettings
{
    [SettingRange(0.01, 4), SettingUnit("seconds")]
    [Description("Tell the data sources to stop, without waiting for the publish in progress.")]
    public double StopData { get; init; } = 0.2;

    [SettingRange(0.01, 4), SettingUnit("seconds")]
    [Description("Cancel working orders and flatten every position (a live run; an interrupted backtest keeps its book).")]
    public double ProtectBook { get; init; } = 0.6;

    [SettingRange(0.01, 4), SettingUnit("seconds")]
    [Description("Save the kernel's state (no checkpoint: the pipeline may not be quiescent).")]
    public double CheckpointAndStop { get; init; } = 0.2;

    /// <summary>The path's total, checked against the 5-second bound less the silo's margin.</summary>
    public double Total() => StopData + ProtectBook + CheckpointAndStop;
}
