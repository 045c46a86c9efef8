using AlgoSpace.Events;
using AlgoSpace.Operator;
using Orleans.Concurrency;

namespace AlgoSpace.Kernel;

/// <summary>
/// The kernel: creates the configured components in dependency order, wires the routing table, hands out models,
/// starts data last, and runs the shutdown sequence. One per cluster (key <see cref="KernelKeys.Kernel"/>). Each
/// step is idempotent so that every silo's lifecycle may ask for it.
/// </summary>
public interface IKernelGrain : IGrainWithStringKey
{
    /// <summary>Startup step 5: create and initialise every component of the active mode in dependency order.</summary>
    Task<KernelStatus> InitializeAsync();

    /// <summary>Startup step 6: give every producer its routes.</summary>
    Task WireAsync();

    /// <summary>Startup steps 7 and 8: start components, data sources last; the system is Running.</summary>
    Task<KernelStatus> StartAsync();

    /// <summary>Shutdown step 1: stop the data sources.</summary>
    Task StopDataAsync();

    /// <summary>Shutdown steps 2 and 3: cancel working orders; flatten positions if configured.</summary>
    Task ProtectPositionsAsync(bool flatten);

    /// <summary>Shutdown step 4: wait until every published event has been handled by every subscriber.</summary>
    Task<FlushResult> FlushAsync(TimeSpan timeout);

    /// <summary>
    /// Shutdown step 5: write the report of a finished run, or a final checkpoint of an interrupted one, then stop
    /// every component in reverse order.
    /// </summary>
    Task SaveAndStopAsync();

    /// <summary>
    /// A data source reports a quiescent moment (its last publish, and everything it caused, has been handled) at
    /// simulation time <paramref name="simTime"/>, where the snapshot policy asks for a checkpoint: the kernel takes
    /// one of every component and commits it. Interleaves, so that a source never waits behind a kernel step that waits for the source;
    /// a checkpoint is skipped while the system is not Running or Degraded.
    /// </summary>
    [AlwaysInterleave]
    Task<Checkpoints.CheckpointResult> CheckpointAsync(DateTime simTime);

    /// <summary>
    /// The emergency path: stop data, protect positions (live), stop; exit code 4. It writes no checkpoint (the
    /// pipeline may not be quiescent): the last committed checkpoint and the journal stand. Interleaves: it must not wait behind
    /// a graceful step that is itself waiting.
    /// </summary>
    [AlwaysInterleave]
    Task EmergencyShutdownAsync(string reason);

    /// <summary>Asks for a graceful shutdown of the whole system (observers stop their silos).</summary>
    Task RequestShutdownAsync(string reason);

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

    /// <summary>Registers a silo host to be told when the system stops.</summary>
    Task ObserveAsync(IKernelObserver observer);

    [AlwaysInterleave]
    Task<KernelStatus> GetStatusAsync();

    // The operator's console (src/Client). Reads interleave with everything; commands that change the system are
    // checked against the operator token, refused with a reason (and logged) or accepted and run in the
    // background, their steps readable from GetSystemStatusAsync as they finish.

    /// <summary>`status`: state, components, rates, bus latency, the book and the steps of the operation under way.</summary>
    [AlwaysInterleave]
    Task<SystemStatusReport> GetSystemStatusAsync();

    /// <summary>`routes`: the live routing table with per-route delivery counts.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<RouteView>> GetRoutesAsync();

    /// <summary>`config`: the effective configuration as YAML, credentials redacted.</summary>
    [AlwaysInterleave]
    Task<string> GetConfigurationAsync();

    /// <summary>`positions` and `orders`: the execution handler's book; null with a note when there is none.</summary>
    [AlwaysInterleave]
    Task<AccountView?> GetAccountAsync();

    /// <summary>
    /// `mode live|backtest`: drain, stop data, cancel working orders, flatten as configured, save, swap the mode's
    /// handlers, rewire and start again. Refused with a reason when unsafe (shutdown or emergency under way, another
    /// switch running, the system not running, the target mode not configured, positions left open).
    /// </summary>
    [AlwaysInterleave]
    Task<OperatorReply> SwitchModeAsync(OperatorRequest request, string mode);

    /// <summary>`shutdown` (graceful, the seed's sequence) or `shutdown --emergency` (the 5-second path).</summary>
    [AlwaysInterleave]
    Task<OperatorReply> OperatorShutdownAsync(OperatorRequest request, bool emergency);
}
