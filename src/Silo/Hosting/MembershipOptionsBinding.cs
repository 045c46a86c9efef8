using AlgoSpace.Grains.Interfaces.Configuration;
using Orleans.Configuration;

namespace AlgoSpace.Silo.Hosting;

/// <summary>
/// cluster.membership onto Orleans' ClusterMembershipOptions. Orleans 10.4 has no validator of its own for these;
/// <see cref="Configuration.ClusterRules"/> checks how they interact before the silo starts.
/// </summary>
public static class MembershipOptionsBinding
{
    public static void Apply(MembershipSettings settings, ClusterMembershipOptions options)
    {
        // MinProbeTimeout and MaxProbeTimeout follow ProbeTimeout (half and four times) unless set: left to Orleans.
        options.ProbeTimeout = TimeSpan.FromSeconds(settings.ProbeTimeout);
        options.NumMissedProbesLimit = settings.MissedProbes;
        options.NumVotesForDeathDeclaration = settings.VotesForDeath;
        options.NumProbedSilos = settings.ProbedSilos;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(settings.DeathVoteExpiration);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(settings.IAmAliveInterval);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(settings.TableRefreshInterval);
        options.DefunctSiloExpiration = TimeSpan.FromSeconds(settings.DefunctSiloExpiration);
    }
}
