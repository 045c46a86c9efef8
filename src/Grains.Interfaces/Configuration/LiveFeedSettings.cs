using System.ComponentModel;
using AlgoSpace.MarketData;

namespace AlgoSpace.Grains.Interfaces.Configuration;

public sealed class LiveFeedSettings
{
    [SettingPattern("^wss?://[^\\s]+$", "a ws:// or wss:// URL")]
    [Description("WebSocket endpoint of the market-data feed. Required when the mode is live.")]
    public string? Url { get; init; }

    [Description("Message format the feed speaks.")]
    public FeedMessageFormat MessageFormat { get; init; } = FeedMessageFormat.AlgoSpaceJson;

    [SecretSetting, Description("API key the feed needs, if any. Only from an environment variable.")]
    public string? ApiKey { get; init; }

    [SettingRange(1, 3600), SettingUnit("seconds")]
    [Description("The feed is stale (and the handler Degraded) when no message arrives for this long.")]
    public int StaleAfter { get; init; } = 15;

    [SettingRange(0, 1000)]
    [Description("Reconnect attempts after a disconnect before the data handler fails.")]
    public int ReconnectAttempts { get; init; } = 5;

    [SettingRange(1, 600_000), SettingUnit("milliseconds")]
    [Description("First reconnect delay; each later attempt doubles it (with jitter), up to 16 times this value.")]
    public int ReconnectBaseDelayMs { get; init; } = 1000;

    [SettingRange(0, 1e12, ExclusiveMinimum = true)]
    [Description("binance_trade: a trade's volume is its quantity times this, rounded to a whole number (crypto quantities are fractional; volumes are whole units).")]
    public double VolumeMultiplier { get; init; } = 1;
}
