namespace AlgoSpace.Silo.Lifecycle;

/// <summary>
/// Whether this silo speaks for the system when it stops. A silo that leaves while others stay hands the run over
/// (the kernel checkpoints it, and the others resume it once this silo has left); the last silo of the cluster runs
/// the shutdown sequence.
/// </summary>
public sealed class SiloRole(IGrainFactory grains, ILocalSiloDetails local)
{
    /// <summary>This silo's address, as the cluster's membership knows it.</summary>
    public string Address => local.SiloAddress.ToString();

    public async Task<bool> IsLastActiveSiloAsync()
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Keys.All(address => address.Equals(local.SiloAddress));
    }
}
