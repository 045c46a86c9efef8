using AlgoSpace.Operator;

namespace AlgoSpace.Kernel;

// The operator console's side of the kernel (work in progress in this commit: filled in by the live-mode work).
public sealed partial class KernelGrain
{
    public Task<SystemStatusReport> GetSystemStatusAsync() => throw new NotSupportedException("in progress");

    public Task<IReadOnlyList<RouteView>> GetRoutesAsync() => throw new NotSupportedException("in progress");

    public Task<string> GetConfigurationAsync() => throw new NotSupportedException("in progress");

    public Task<AccountView?> GetAccountAsync() => throw new NotSupportedException("in progress");

    public Task<OperatorReply> SwitchModeAsync(OperatorRequest request, string mode) => throw new NotSupportedException("in progress");

    public Task<OperatorReply> OperatorShutdownAsync(OperatorRequest request, bool emergency) => throw new NotSupportedException("in progress");
}
