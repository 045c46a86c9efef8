namespace AlgoSpace.Client.Connection;

/// <summary>Opens a connection to the cluster; the commands only need its grain factory.</summary>
public interface IClusterConnector
{
    /// <summary>Connects, or throws <see cref="ClusterUnreachableException"/> naming what was tried.</summary>
    Task<IClusterConnection> ConnectAsync(CancellationToken cancellation);
}

/// <summary>An open connection to the cluster.</summary>
public interface IClusterConnection : IAsyncDisposable
{
    IGrainFactory Grains { get; }
}
