using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Client.Connection;

/// <summary>
/// Where the client looks for the cluster. Defaults are the silo's (<see cref="ClusterSettings"/>): localhost
/// clustering, gateway port 30000, cluster id algospace-dev, service id algospace.
/// </summary>
/// <param name="RedisConnection">The Redis connection string (provider redis), taken from the environment.</param>
/// <param name="RedisVariable">The environment variable it came from, for messages (the value itself is never printed).</param>
public sealed record ConnectionSettings(
    ClusteringProvider Provider,
    string ClusterId,
    string ServiceId,
    int GatewayPort,
    string? RedisConnection = null,
    string? RedisVariable = null)
{
    public static ConnectionSettings Default { get; } = FromCluster(new ClusterSettings());

    public static ConnectionSettings FromCluster(ClusterSettings cluster) =>
        new(cluster.Provider, cluster.ClusterId, cluster.ServiceId, cluster.GatewayPort);

    /// <summary>What the client tried, for the unreachable message.</summary>
    public string Describe() => Provider switch
    {
        ClusteringProvider.Redis => $"gateways listed in the Redis membership table (connection from ${RedisVariable}), cluster id '{ClusterId}', service id '{ServiceId}'",
        _ => $"gateway 127.0.0.1:{GatewayPort}, cluster id '{ClusterId}', service id '{ServiceId}'",
    };
}
