using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Kernel;

/// <summary>What the kernel saves: the run's identity, the state machine and its history, and the components.</summary>
[GenerateSerializer]
public sealed class KernelState
{
    [Id(0)] public string? RunId { get; set; }
    [Id(1)] public int RunSeed { get; set; }
    [Id(2)] public string Mode { get; set; } = "";
    [Id(3)] public SystemState State { get; set; } = SystemState.Stopped;
    [Id(4)] public List<ComponentStatus> Components { get; set; } = [];
    [Id(5)] public List<StateTransition> Transitions { get; set; } = [];
    [Id(6)] public List<string> ActivationOrder { get; set; } = [];
    [Id(7)] public int? ExitCode { get; set; }
    [Id(8)] public int Restarts { get; set; }

    /// <summary>The run reached its natural end (a backtest completed); the next start begins a new run.</summary>
    [Id(9)] public bool Completed { get; set; }

    /// <summary>The mode the operator switched this run to (live or backtest); null when it runs in system.mode. A
    /// restart of the run resumes in this mode.</summary>
    [Id(10)] public TradingMode? SwitchedTo { get; set; }

    /// <summary>How often the run was restored inside a live cluster after a silo left or died (not counting restarts).</summary>
    [Id(11)] public int Recoveries { get; set; }

    /// <summary>How often the run's pipelines were moved onto silos that joined it (each a restore inside the cluster too).</summary>
    [Id(13)] public int Rebalances { get; set; }

    /// <summary>
    /// The silos that took part in the run (their addresses, newest last): while one of them is still active, the
    /// cluster that runs the run is alive, and a kernel activated anew (it moved with a lost silo) must not start the
    /// run again for a silo that joins.
    /// </summary>
    [Id(12)] public List<string> Silos { get; set; } = [];
}
