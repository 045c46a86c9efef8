namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// Whether this silo speaks for the system when it stops. A silo that leaves while others stay only hands its
/// grains over (they save state on deactivation); the last silo of the cluster runs the shutdown sequence.
/// </summary>
public sealed class SiloRole(IGrainFactory grains, ILocalSiloDetails local)
{
    public async Task<bool> IsLastActiveSiloAsync()
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Keys.All(address => address.Equals(local.SiloAddress));
    }
}
