using System.ComponentModel;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class EventBusSettings
{
    [Description("broadcast (Orleans broadcast channels, acknowledged delivery) is the hot path; stream uses the Orleans streaming framework.")]
    public BusTransport Transport { get; init; } = BusTransport.Broadcast;

    [SettingRange(1, 1_000_000), SettingUnit("events")]
    [Description("Most events one producer may have published but not yet handled by every subscriber; a producer at the limit waits (back-pressure) instead of growing memory or dropping events.")]
    public int MaxQueueSize { get; init; } = 10_000;

    [SettingRange(1, 100_000), SettingUnit("ticks")]
    [Description("Backtest only: most ticks the data handler puts in one NEW_TICK event. Batches are cut so that only a batch's first tick can close a bar, so results are the same for every size; 1 publishes one tick per event. A paced replay (data_handler.replay_speed > 0) and live data handlers always publish one tick per event.")]
    public int TickBatchSize { get; init; } = 4096;

    [SettingRange(1, 256), SettingUnit("threads")]
    [Description("Minimum number of .NET thread-pool worker threads the silo keeps ready. Orleans runs grain turns on the thread pool, so this is how many event handlers can run at once without thread-injection delay.")]
    public int WorkerThreads { get; init; } = 4;

    [SettingRange(1, 1000), SettingUnit("milliseconds")]
    [Description("Pulling period of the stream transport's agents (transport: stream only). Zero is not allowed: Orleans silently stops delivering.")]
    public int StreamPullPeriodMs { get; init; } = 1;
}
