using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Hosting;

/// <summary>Chooses the Orleans providers that the settings name.</summary>
public static class SiloConfiguration
{
    public static void Configure(ISiloBuilder silo, AlgoSpaceSettings settings)
    {
        var cluster = settings.Cluster;
        switch (cluster.Provider)
        {
            case ClusteringProvider.Localhost:
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
                break;
            case ClusteringProvider.Redis:
                silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort);
                silo.UseRedisClustering(cluster.RedisConnection!);
                break;
        }

        if (cluster.KubernetesHosting)
        {
            silo.UseKubernetesHosting();
        }
    }
}
