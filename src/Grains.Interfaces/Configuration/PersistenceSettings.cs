using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class PersistenceSettings
{
    [Description("file is embedded and durable with nothing to install; memory is for tests; redis is for clusters.")]
    public PersistenceProvider Provider { get; init; } = PersistenceProvider.File;

    [SettingPath(SettingPathKind.Directory), Description("Folder of the file provider's state files. Left out, it is state/ under system.output_dir.")]
    public string? Directory { get; init; }

    [SecretSetting, Description("Redis connection string (provider: redis). Only from an environment variable.")]
    public string? RedisConnection { get; init; }

    [SettingRange(1, 1_000_000), SettingUnit("30-minute bars"), Description("A checkpoint of every component (one consistent cut, taken between two tick publishes) is committed each time simulation time enters a new period of this many 30-minute bars, and at shutdown; in live mode also once the first tick has been handled while the run has no checkpoint yet (the feed position a restore measures its gap from). Orders, fills and positions acknowledged in between are journaled before they are acknowledged.")]
    public int SnapshotEveryBars { get; init; } = 1;

    [SettingRange(1, 100), Description("Attempts at writing one checkpoint (with a doubling pause from 100 ms) before the run stops with the emergency path (exit 4); the previous checkpoint stays the one restored.")]
    public int CheckpointAttempts { get; init; } = 3;
}
