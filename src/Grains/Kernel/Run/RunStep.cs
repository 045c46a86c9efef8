namespace AlgoSpace.Grains.Kernel.Run;

/// <summary>
/// The steps the kernel's operations are made of (docs/architecture.md, "The run sequence"). Each has a timeout in
/// settings (system.steps, and system.emergency_steps for the emergency path) and is logged with its duration.
/// </summary>
public enum RunStep
{
    /// <summary>Create and initialise every component in dependency order (a resumed run restores its checkpoint).</summary>
    Create,

    /// <summary>Give every producer its part of the routing table.</summary>
    Wire,

    /// <summary>Start every component, data sources last: the system is Running (or Degraded).</summary>
    Start,

    /// <summary>Stop the data sources (the emergency path only tells them, without waiting).</summary>
    StopData,

    /// <summary>Cancel working orders and flatten as configured; an interrupted backtest keeps its book.</summary>
    ProtectBook,

    /// <summary>Wait until every published event has been handled by every subscriber.</summary>
    Drain,

    /// <summary>Write the run's report (once per run).</summary>
    Report,

    /// <summary>Commit a final checkpoint or mark the run complete, then stop the components (the emergency path saves the kernel's state only).</summary>
    CheckpointAndStop,
}

/// <summary>The kernel's operations, each a fixed list of steps.</summary>
public enum RunOperation
{
    Startup,
    Shutdown,
    Emergency,
    ModeSwitch,

    /// <summary>A backtest the operator switched to reached its end: its report is written and the system waits.</summary>
    SwitchedBacktestEnd,

    /// <summary>A silo of the cluster is leaving gracefully: data stopped, bus drained, a checkpoint committed; the components stay.</summary>
    HandOver,

    /// <summary>A silo of the cluster left or died: every component restored from the committed checkpoint on the silos that remain.</summary>
    Recovery,

    /// <summary>
    /// A silo joined the run: the hand-over's checkpoint, the hosts of the pipelines that move released, and the
    /// recovery's restore from that checkpoint, which activates them on their new silo.
    /// </summary>
    Rebalance,
}
