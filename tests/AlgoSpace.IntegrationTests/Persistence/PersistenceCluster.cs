using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Persistence;
using Orleans.TestingHost;

namespace AlgoSpace.Tests.Persistence;

/// <summary>
/// A one-silo in-process cluster whose storage providers come from <see cref="SiloPersistence.Configure"/>, as in the
/// real silo. Clusters started with the same service id are the same deployment restarted (Redis keys include it).
/// </summary>
public static class PersistenceCluster
{
    public static async Task<InProcessTestCluster> StartAsync(AlgoSpaceSettings settings, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => SiloPersistence.Configure(silo, settings));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops every silo gracefully (activations deactivate, nothing stays in memory) and disposes the cluster.</summary>
    public static async Task StopAsync(InProcessTestCluster cluster)
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }
}
