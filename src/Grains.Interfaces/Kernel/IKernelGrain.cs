using AlgoSpace.Grains.Interfaces.Events;
using Orleans.Concurrency;

namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>
/// The kernel as the silos and the components see it: it runs the run sequence (docs/architecture.md, "The run
/// sequence"): create the configured components in dependency order, wire the routing table, start data last; and
/// the shutdown, emergency and checkpoint operations. One per cluster (key <see cref="KernelKeys.Kernel"/>). The
/// operator's console uses <see cref="IKernelOperatorGrain"/>, the same grain seen through another interface.
/// </summary>
public interface IKernelGrain : IGrainWithStringKey
{
    /// <summary>
    /// The startup sequence: create, wire, start. Every silo's lifecycle asks; the first request runs it and later
    /// ones get its outcome. A critical component that fails leaves the system Faulted; saved state that cannot be
    /// read fails the call, naming it. <paramref name="silo"/> is the asking silo's address: a silo that joins a
    /// cluster whose run is under way (another silo of the run is still active) joins it, and nothing is started.
    /// </summary>
    Task<KernelStatus> StartupAsync(string silo);

    /// <summary>
    /// Asks for the graceful shutdown sequence (stop data, protect the book, drain, report, checkpoint and stop)
    /// and returns at once; observers are told when the system has stopped. A second request joins the first.
    /// </summary>
    Task RequestShutdownAsync(StopReason reason, string detail);

    /// <summary>
    /// The emergency path: stop data, protect positions (live), save the kernel's state; exit code 4. It writes no
    /// checkpoint (the pipeline may not be quiescent): the last committed checkpoint and the journal stand.
    /// Interleaves and overrides an operation under way: it must not wait behind a step that is itself waiting.
    /// </summary>
    [AlwaysInterleave]
    Task EmergencyShutdownAsync(string reason);

    /// <summary>
    /// A data source reports a quiescent moment (its last publish, and everything it caused, has been handled) at
    /// simulation time <paramref name="simTime"/>, where the snapshot policy asks for a checkpoint: the kernel takes
    /// one of every component and commits it, unless an operation is under way or the system is not Running or
    /// Degraded. Interleaves, so that a source never waits behind a kernel step that waits for the source.
    /// </summary>
    [AlwaysInterleave]
    Task<AlgoSpace.Grains.Interfaces.Checkpoints.CheckpointResult> CheckpointAsync(DateTime simTime);

    /// <summary>
    /// Receives the control and monitoring events the kernel consumes. Interleaves with the kernel's other work:
    /// it only records and schedules, so a component reporting an error while the kernel is mid-step never waits.
    /// </summary>
    [AlwaysInterleave]
    Task DeliverAsync(EventEnvelope envelope);

    /// <summary>Adds a subscription to the routing table at run time and rewires the producers.</summary>
    Task SubscribeAsync(string eventType, string component);

    /// <summary>Removes a subscription from the routing table at run time and rewires the producers.</summary>
    Task UnsubscribeAsync(string eventType, string component);

    /// <summary>
    /// A silo of the cluster left or died (<paramref name="silo"/>, its address; <paramref name="cause"/>, how it was
    /// seen): the components it hosted are gone with their state, so the kernel restores every component from the
    /// last committed checkpoint on the silos that remain, replays from there and reconciles the journal
    /// (docs/architecture.md, "Hand-over and recovery"). Every surviving silo reports; the kernel recovers once per
    /// silo. Returns once the recovery is queued.
    /// </summary>
    Task RecoverAsync(string silo, string cause);

    /// <summary>
    /// A silo is leaving the cluster gracefully (SIGTERM while others stay): the kernel stops the data, drains the
    /// bus and commits a checkpoint, then waits in Recovering until the silo has left and a survivor reports it
    /// (<see cref="RecoverAsync"/>), so that the pipeline resumes on the others from exactly that point.
    /// </summary>
    Task HandOverAsync(string silo);

    /// <summary>
    /// A silo joined the cluster (<paramref name="silo"/>, its address) while the run is under way: with several
    /// symbols, the kernel moves the pipelines that the placement rule now gives to another silo at the next checkpoint
    /// (docs/architecture.md, "Silos joining and leaving"). Every other silo reports; the kernel acts once. Returns at once.
    /// </summary>
    Task SiloJoinedAsync(string silo);

    /// <summary>
    /// A component host found the pipeline broken by a silo that is gone, before the membership said so: it was
    /// activated without its state, or a delivery could not reach the silo (<paramref name="detail"/> says which).
    /// The kernel stops taking checkpoints and recovers as for a lost silo.
    /// </summary>
    [AlwaysInterleave]
    Task ComponentLostAsync(string component, string detail);

    /// <summary>Registers a silo host to be told when the system stops.</summary>
    Task ObserveAsync(IKernelObserver observer);

    [AlwaysInterleave]
    Task<KernelStatus> GetStatusAsync();

    /// <summary>The sequence's stop-data step on its own (diagnostics and tests of the bus).</summary>
    Task StopDataAsync();

    /// <summary>The sequence's drain step on its own: waits until every published event has been handled.</summary>
    Task<FlushResult> FlushAsync(TimeSpan timeout);
}
