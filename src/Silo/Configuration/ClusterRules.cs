using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>Rules of the cluster section: the address a silo advertises, and membership timings that work together.</summary>
public static class ClusterRules
{
    /// <summary>Orleans lets a probe's timeout grow to this multiple of probe_timeout on a slow host (MaxProbeTimeout).</summary>
    public const int MaxProbeTimeoutFactor = 4;

    public static void Check(RuleContext c)
    {
        CheckAdvertisedAddress(c);
        CheckMembership(c);
        CheckMinSilos(c);
    }

    /// <summary>The localhost provider is one silo: a run waiting for more would wait for its timeout every time.</summary>
    private static void CheckMinSilos(RuleContext c)
    {
        var cluster = c.Settings.Cluster;
        if (cluster.MinSilos > 1 && cluster.Provider == ClusteringProvider.Localhost)
        {
            c.Error("cluster.min_silos", cluster.MinSilos.ToString(CultureInfo.InvariantCulture), "1 with cluster.provider localhost, or cluster.provider redis",
                "The localhost provider is a single-silo cluster; more silos need a shared membership table.");
        }
    }

    /// <summary>The address as Orleans will use it, or null when it is not one a silo can advertise.</summary>
    public static IPAddress? ParseAdvertisedAddress(string text)
    {
        if (!IPAddress.TryParse(text.Trim(), out var address)) return null;
        // IPAddress also reads "127.1" and "2130706433" as IPv4; only the dotted quad is meant.
        if (address.AddressFamily == AddressFamily.InterNetwork && text.Trim().Count(ch => ch == '.') != 3) return null;
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)) return null;
        if (address.IsIPv6Multicast || (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] is >= 224 and <= 239)) return null;
        return address;
    }

    private static void CheckAdvertisedAddress(RuleContext c)
    {
        var cluster = c.Settings.Cluster;
        const string key = "cluster.advertised_address";
        if (ParseAdvertisedAddress(cluster.AdvertisedAddress) is not { } address)
        {
            c.Error(key, $"'{cluster.AdvertisedAddress}'", "the IP address of one of this machine's interfaces, for example 127.0.0.1",
                "Other silos and clients connect to the address a silo advertises, so it cannot be a wildcard (0.0.0.0, ::), broadcast or multicast address, nor a host name. On Kubernetes write ${env:POD_IP}.");
            return;
        }

        if (cluster.Provider == ClusteringProvider.Localhost && !address.Equals(IPAddress.Loopback))
        {
            c.Error(key, $"'{cluster.AdvertisedAddress}' with cluster.provider localhost", "127.0.0.1, or cluster.provider redis",
                "Localhost clustering is one silo on this machine, and clients look for it at 127.0.0.1.");
        }

        if (cluster.KubernetesHosting && IPAddress.IsLoopback(address))
        {
            c.Warning(key, $"'{cluster.AdvertisedAddress}' with cluster.kubernetes_hosting true", "${env:POD_IP}",
                "Pods cannot reach each other at a loopback address; the pod's address comes from the downward API.");
        }
    }

    private static void CheckMembership(RuleContext c)
    {
        var m = c.Settings.Cluster.Membership;
        if (m.VotesForDeath > m.ProbedSilos)
        {
            c.Error("cluster.membership.votes_for_death", m.VotesForDeath.ToString(CultureInfo.InvariantCulture),
                $"at most cluster.membership.probed_silos ({m.ProbedSilos})", "Only the silos that probe a silo vote on it.");
        }

        // The first vote must still count when the last voter has missed its probes, and a slow host's probes time
        // out after up to four times probe_timeout.
        var slowestDetection = m.MissedProbes * m.ProbeTimeout * MaxProbeTimeoutFactor;
        if (m.DeathVoteExpiration < slowestDetection)
        {
            c.Error("cluster.membership.death_vote_expiration", $"{m.DeathVoteExpiration:0.###} s",
                $"at least missed_probes x probe_timeout x {MaxProbeTimeoutFactor} ({slowestDetection:0.###} s)",
                "A vote that expires before the other silos have missed their probes never adds up to a death.");
        }
    }
}
