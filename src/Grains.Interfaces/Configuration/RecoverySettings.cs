using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class RecoverySettings
{
    [SettingRange(0, 100), Description("Retries of a transient error before it is treated as a component failure.")]
    public int MaxAttempts { get; init; } = 3;

    [SettingRange(1, 600_000), SettingUnit("milliseconds"), Description("Delay before the first retry; later retries back off exponentially with jitter.")]
    public int InitialDelayMs { get; init; } = 200;

    [SettingRange(1, 3_600_000), SettingUnit("milliseconds"), Description("Longest delay between retries.")]
    public int MaxDelayMs { get; init; } = 16_000;

    [SettingRange(1, 3600), SettingUnit("seconds"), Description("Longest time one operation may take, retries included.")]
    public int Timeout { get; init; } = 30;
}
