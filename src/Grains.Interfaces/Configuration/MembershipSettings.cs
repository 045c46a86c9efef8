using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

/// <summary>
/// Orleans' failure detection (ClusterMembershipOptions), tuned so that a killed silo is declared dead in about 3 s
/// (measured: docs/performance.md, "Cluster: a killed silo declared dead"); Orleans' own defaults probe 2.5 times
/// more slowly and count a crashed silo's row as active for 90 s. These are protocol
/// parameters that work together (docs/architecture.md, "The cluster"); the rules between them are checked at load.
/// </summary>
public sealed class MembershipSettings
{
    [SettingRange(0.1, 60), SettingUnit("seconds")]
    [Description("Initial timeout of one liveness probe; Orleans adapts it between half and four times this value, and probes about once per timeout.")]
    public double ProbeTimeout { get; init; } = 2;

    [SettingRange(1, 10), SettingUnit("probes")]
    [Description("Probes missed in a row before a silo votes that the probed silo is dead.")]
    public int MissedProbes { get; init; } = 3;

    [SettingRange(1, 10), SettingUnit("votes")]
    [Description("Votes that declare a silo dead; while few silos are alive Orleans needs at most half of them, rounded up.")]
    public int VotesForDeath { get; init; } = 2;

    [SettingRange(1, 30), SettingUnit("silos")]
    [Description("Silos each silo probes; votes_for_death must not exceed it.")]
    public int ProbedSilos { get; init; } = 10;

    [SettingRange(1, 3600), SettingUnit("seconds")]
    [Description("A vote older than this no longer counts towards a death.")]
    public double DeathVoteExpiration { get; init; } = 30;

    [SettingKey("i_am_alive_interval"), SettingRange(1, 600), SettingUnit("seconds")]
    [Description("Period of each silo's heartbeat in the membership table; a row without one for three periods is stale.")]
    public double IAmAliveInterval { get; init; } = 5;

    [SettingRange(1, 600), SettingUnit("seconds")]
    [Description("Period of each silo's full read of the membership table, a backstop for the gossip that spreads changes at once.")]
    public double TableRefreshInterval { get; init; } = 10;

    [SettingRange(60, 2_592_000), SettingUnit("seconds")]
    [Description("A dead silo's row is removed from the membership table after this (Orleans keeps it at least an hour).")]
    public double DefunctSiloExpiration { get; init; } = 86_400;
}
