using System.Net;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Silo.Configuration;
using AlgoSpace.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// The cluster section reaches Orleans as written: the options the silo's host is built with, resolved from its
/// services without starting it, and settings/cluster.yaml validates with the environment cluster.sh gives it.
/// </summary>
public sealed class ClusterSettingsTests
{
    private static readonly Dictionary<string, string> ClusterEnvironment = new()
    {
        ["ALGOSPACE_REDIS"] = "127.0.0.1:6399",
        ["ALGOSPACE_SILO_PORT"] = "21001",
        ["ALGOSPACE_GATEWAY_PORT"] = "31001",
        ["ALGOSPACE_HTTP_PORT"] = "19001",
        ["ALGOSPACE_ADVERTISED_ADDRESS"] = "127.0.0.1",
    };

    [Fact]
    public void Membership_timings_and_the_advertised_address_reach_the_silos_orleans_options()
    {
        var settings = new AlgoSpaceSettings
        {
            Cluster = new ClusterSettings
            {
                Provider = ClusteringProvider.Redis,
                RedisConnection = "127.0.0.1:6399",
                AdvertisedAddress = "127.0.0.7",
                SiloPort = 21_001,
                GatewayPort = 31_001,
                Membership = new MembershipSettings
                {
                    ProbeTimeout = 1.5, MissedProbes = 4, VotesForDeath = 3, ProbedSilos = 5, DeathVoteExpiration = 45,
                    IAmAliveInterval = 7, TableRefreshInterval = 12, DefunctSiloExpiration = 7200,
                },
            },
        };

        var services = SiloServices(settings);
        var membership = services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
        var endpoints = services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(
            (TimeSpan.FromSeconds(1.5), 4, 3, 5, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(12), TimeSpan.FromHours(2)),
            (membership.ProbeTimeout, membership.NumMissedProbesLimit, membership.NumVotesForDeathDeclaration, membership.NumProbedSilos,
                membership.DeathVoteExpirationTimeout, membership.IAmAliveTablePublishTimeout, membership.TableRefreshTimeout, membership.DefunctSiloExpiration));
        // Orleans derives the adaptive bounds from the probe timeout; the vote-expiry rule assumes four times.
        Assert.Equal(TimeSpan.FromSeconds(1.5 * ClusterRules.MaxProbeTimeoutFactor), membership.MaxProbeTimeout);
        Assert.Equal((IPAddress.Parse("127.0.0.7"), 21_001, 31_001), (endpoints.AdvertisedIPAddress, endpoints.SiloPort, endpoints.GatewayPort));
        // Listening on the advertised address only: no wildcard listening endpoints.
        Assert.Null(endpoints.SiloListeningEndpoint);
        Assert.Null(endpoints.GatewayListeningEndpoint);
    }

    [Fact]
    public void The_default_membership_declares_a_killed_silo_dead_in_seconds()
    {
        var defaults = new MembershipSettings();

        // About one probe per probe timeout; a silo is suspected after missed_probes of them (docs/architecture.md).
        Assert.InRange(defaults.MissedProbes * defaults.ProbeTimeout, 1, 10);
        Assert.True(defaults.DeathVoteExpiration >= defaults.MissedProbes * defaults.ProbeTimeout * ClusterRules.MaxProbeTimeoutFactor);
        Assert.True(defaults.VotesForDeath <= defaults.ProbedSilos);
    }

    [Fact]
    public void A_localhost_silo_still_advertises_loopback_on_its_ports()
    {
        var settings = new AlgoSpaceSettings { Cluster = new ClusterSettings { SiloPort = 21_002, GatewayPort = 31_002 } };

        var endpoints = SiloServices(settings).GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal((IPAddress.Loopback, 21_002, 31_002), (endpoints.AdvertisedIPAddress, endpoints.SiloPort, endpoints.GatewayPort));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::12", true)]
    [InlineData("localhost", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("239.1.1.1", false)]
    [InlineData("127.1", false)]
    [InlineData("", false)]
    public void Only_an_address_others_can_connect_to_can_be_advertised(string text, bool accepted) =>
        Assert.Equal(accepted, ClusterRules.ParseAdvertisedAddress(text) is not null);

    [Fact]
    public void An_invalid_advertised_address_from_the_environment_is_refused_naming_the_key()
    {
        var environment = new Dictionary<string, string>(ClusterEnvironment) { ["ALGOSPACE_ADVERTISED_ADDRESS"] = "my-pod" };

        var loaded = SettingsLoader.Load(RepositoryRoot.File("settings", "cluster.yaml"), environment: environment.GetValueOrDefault);

        Assert.False(loaded.IsValid);
        var error = Assert.Single(loaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("cluster.advertised_address", error.Path);
        Assert.Contains("'my-pod'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_cluster_yaml_is_valid_with_the_environment_cluster_sh_gives_each_silo()
    {
        var loaded = SettingsLoader.Load(RepositoryRoot.File("settings", "cluster.yaml"), environment: ClusterEnvironment.GetValueOrDefault);

        Assert.True(loaded.IsValid, string.Join("\n", loaded.Diagnostics));
        var cluster = loaded.Settings!.Cluster;
        Assert.Equal((ClusteringProvider.Redis, "127.0.0.1", 21_001, 31_001, 19_001), (cluster.Provider, cluster.AdvertisedAddress, cluster.SiloPort, cluster.GatewayPort, loaded.Settings.Telemetry.HttpPort));
        Assert.Equal(PersistenceProvider.Redis, loaded.Settings.Persistence.Provider);
    }

    [Fact]
    public void Settings_cluster_yaml_without_the_redis_variable_names_it()
    {
        var environment = new Dictionary<string, string>(ClusterEnvironment);
        environment.Remove("ALGOSPACE_REDIS");

        var loaded = SettingsLoader.Load(RepositoryRoot.File("settings", "cluster.yaml"), environment: environment.GetValueOrDefault);

        Assert.False(loaded.IsValid);
        Assert.Contains(loaded.Diagnostics, d => d.Path == "cluster.redis_connection" && d.ToString().Contains("ALGOSPACE_REDIS", StringComparison.Ordinal));
    }

    private static IServiceProvider SiloServices(AlgoSpaceSettings settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => SiloConfiguration.Configure(silo, settings));
        return builder.Build().Services;
    }
}
