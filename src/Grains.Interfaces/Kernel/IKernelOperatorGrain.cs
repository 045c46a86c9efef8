using AlgoSpace.Grains.Interfaces.Operator;
using Orleans.Concurrency;

namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>
/// The kernel as the operator's console (src/Client) sees it; key <see cref="KernelKeys.Kernel"/>. Reads interleave
/// with everything; commands that change the system are checked against the operator token, refused with a reason
/// (and logged) or accepted and run in the background, their steps readable from GetSystemStatusAsync as they finish.
/// </summary>
public interface IKernelOperatorGrain : IGrainWithStringKey
{
    /// <summary>`status`: state, components, rates, bus latency, the book and the steps of the operation under way.</summary>
    [AlwaysInterleave]
    Task<SystemStatusReport> GetSystemStatusAsync();

    /// <summary>The kernel's own status: state machine, components, transitions, exit code.</summary>
    [AlwaysInterleave]
    Task<KernelStatus> GetKernelStatusAsync();

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
    /// `mode live|backtest`: the mode-switch sequence (stop data, drain, protect the book, drain, report, stop, then
    /// create, wire and start the other mode's components as a new run). Refused with a reason when unsafe
    /// (shutdown or emergency under way, another switch running, the system not running, the target mode not
    /// configured, positions left open).
    /// </summary>
    [AlwaysInterleave]
    Task<OperatorReply> SwitchModeAsync(OperatorRequest request, string mode);

    /// <summary>`shutdown` (the graceful sequence) or `shutdown --emergency` (the 5-second path).</summary>
    [AlwaysInterleave]
    Task<OperatorReply> OperatorShutdownAsync(OperatorRequest request, bool emergency);
}
