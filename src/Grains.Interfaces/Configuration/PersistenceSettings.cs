using System.ComponentModel;

namespace AlgoSpace.Configuration;

public sealed class PersistenceSettings
{
    [Description("file is embedded and durable with nothing to install; memory is for tests; redis is for clusters.")]
    public PersistenceProvider Provider { get; init; } = PersistenceProvider.File;

    [SettingPath(SettingPathKind.Directory), Description("Folder of the file provider's state files. Left out, it is state/ under system.output_dir.")]
    public string? Directory { get; init; }

    [SecretSetting, Description("Redis connection string (provider: redis). Only from an environment variable.")]
    public string? RedisConnection { get; init; }

    [SettingRange(1, 1_000_000), SettingUnit("30-minute bars"), Description("Component state is snapshotted every this many 30-minute bars (and at shutdown). Positions and orders are saved on every change regardless.")]
    public int SnapshotEveryBars { get; init; } = 1;
}
