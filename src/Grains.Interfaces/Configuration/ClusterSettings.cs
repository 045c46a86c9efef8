using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class ClusterSettings
{
    [Description("localhost is a single-silo development cluster; redis keeps the membership table of a multi-instance deployment.")]
    public ClusteringProvider Provider { get; init; } = ClusteringProvider.Localhost;

    [SettingPattern("^[A-Za-z0-9][A-Za-z0-9._-]*$", "letters, digits, '.', '_' and '-'"), Description("Orleans cluster id: silos with the same id form one cluster.")]
    public string ClusterId { get; init; } = "algospace-dev";

    [SettingPattern("^[A-Za-z0-9][A-Za-z0-9._-]*$", "letters, digits, '.', '_' and '-'"), Description("Orleans service id: keeps grain state apart between services.")]
    public string ServiceId { get; init; } = "algospace";

    [SettingRange(1, 65_535), Description("Silo-to-silo port.")]
    public int SiloPort { get; init; } = 11_111;

    [SettingRange(1, 65_535), Description("Port clients connect to.")]
    public int GatewayPort { get; init; } = 30_000;

    [Description("IP address this silo listens on and advertises to the other silos and to clients: 127.0.0.1 for a cluster on one machine, the pod's address (${env:POD_IP}) on Kubernetes.")]
    public string AdvertisedAddress { get; init; } = "127.0.0.1";

    [Description("Running as Kubernetes pods: silo name, addresses and cluster identity come from the pod environment, and silos of deleted pods are removed (needs provider: redis).")]
    public bool KubernetesHosting { get; init; }

    [SecretSetting, Description("Redis connection string (provider: redis). Only from an environment variable.")]
    public string? RedisConnection { get; init; }

    [Description("Failure detection: how fast a silo that stopped answering is declared dead.")]
    public MembershipSettings Membership { get; init; } = new();

    [SettingRange(1, 1_000)]
    [Description("A run starts once this many silos are active in the cluster, so that a portfolio's pipelines spread over them from the start (placement decides only where a component starts); a silo joining a run under way never waits. Set it to the number of silos (a Deployment's replicas).")]
    public int MinSilos { get; init; } = 1;

    [SettingRange(1, 3_600), SettingUnit("seconds")]
    [Description("How long a run waits for min_silos; then it starts on the silos there are, with a warning.")]
    public double MinSilosTimeout { get; init; } = 60;
}
