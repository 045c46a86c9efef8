using AlgoSpace.Grains.Interfaces.Checkpoints;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Grains.Reporting;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// What the kernel's plain classes need from Orleans, given by the kernel grain: the component hosts, the checkpoint
/// record, a flow of its own for an operation, the report sinks and the observers, and the cluster's membership. A
/// unit test gives its own.
/// </summary>
public interface IKernelPorts
{
    IComponentHostGrain Host(string component);

    ICheckpointGrain Checkpoints { get; }

    /// <summary>Runs <paramref name="operation"/> as a new flow (not part of the call that asked for it); the task ends when it does.</summary>
    Task Schedule(Func<Task> operation);

    IEnumerable<IRunReportSink> ReportSinks { get; }

    /// <summary>Tells every observer (the silo hosts) that the system has stopped.</summary>
    void NotifyStopped(int exitCode, StopReason reason, string detail);

    /// <summary>Samples event counts every few seconds for the operator's rates, while the system runs.</summary>
    void StartSampling();

    void StopSampling();

    /// <summary>Whether silo <paramref name="silo"/> (its address) is an active member of the cluster now.</summary>
    bool IsActiveSilo(string silo);

    /// <summary>The cluster's active silos now, as this silo's membership sees them (what placement chooses from).</summary>
    IReadOnlyList<SiloAddress> ActiveSilos();

    /// <summary>The rows of the cluster's membership table, those of silos that left or died included, for the operator's status.</summary>
    Task<IReadOnlyList<SiloMember>> ReadSilosAsync();
}
