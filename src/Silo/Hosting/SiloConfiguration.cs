using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Silo.Hosting;

/// <summary>Chooses the Orleans providers that the settings name, the address the silo uses and its membership timings.</summary>
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
                silo.UseRedisClustering(cluster.RedisConnection!);
                break;
        }

        // Without an explicit address Orleans advertises one it picks from the machine's interfaces, so silos of a
        // cluster on one machine advertised its network address rather than loopback. The silo listens only on the
        // address it advertises: listening on every interface would open the silo and gateway ports, which have no
        // authentication, to the whole network of a developer's machine, and on Kubernetes the pod's address is the
        // pod's own interface, which is all that other pods and clients use (docs/architecture.md, "The cluster").
        var address = ClusterRules.ParseAdvertisedAddress(cluster.AdvertisedAddress)!;
        silo.ConfigureEndpoints(address, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
        silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(options => MembershipOptionsBinding.Apply(cluster.Membership, options));

        if (cluster.KubernetesHosting)
        {
            silo.UseKubernetesHosting();
        }
    }
}
