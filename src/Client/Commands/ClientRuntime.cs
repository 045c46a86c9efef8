using AlgoSpace.Client.Connection;
using AlgoSpace.Client.Rendering;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Client.Commands;

/// <summary>
/// What every command works with: the output, the operator's identity and one connection to the cluster, opened on
/// the first command that needs it and kept for the next ones (the interactive prompt runs many commands on it).
/// </summary>
public sealed class ClientRuntime(IClusterConnector connector, ClientOutput output, OperatorIdentity identity) : IAsyncDisposable
{
    private IClusterConnection? connection;

    public ClientOutput Output { get; } = output;
    public OperatorIdentity Identity { get; } = identity;

    /// <summary>How often `mode`, `shutdown` and `status --watch` poll the kernel.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    public async Task<IKernelOperatorGrain> KernelAsync(CancellationToken cancellation)
    {
        connection ??= await connector.ConnectAsync(cancellation);
        return connection.Grains.GetGrain<IKernelOperatorGrain>(KernelKeys.Kernel);
    }

    /// <summary>Forgets a connection that failed, so that the next command connects afresh.</summary>
    public async Task DropConnectionAsync()
    {
        if (connection is { } lost)
        {
            connection = null;
            await lost.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => connection?.DisposeAsync() ?? ValueTask.CompletedTask;
}
