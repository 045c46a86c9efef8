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

    [Description("A portfolio's names on the feed, by symbol, where the feed calls an instrument otherwise (ES: ESH5). A traded symbol left out is looked for under its own name. With one symbol every tick of the feed is that symbol's, whatever the feed calls it.")]
    public Dictionary<string, string> FeedSymbols { get; init; } = [];

    /// <summary>The traded symbol of each name the feed uses (case-insensitive), for a portfolio of <paramref name="symbols"/>.</summary>
    public IReadOnlyDictionary<string, string> InstrumentsByFeedName(IReadOnlyList<string> symbols) =>
        symbols.ToDictionary(s => FeedSymbols.GetValueOrDefault(s, s), s => s, StringComparer.OrdinalIgnoreCase);

    [SettingRange(0, 1e12, ExclusiveMinimum = true)]
    [Description("binance_trade: a trade's volume is its quantity times this, rounded to a whole number (crypto quantities are fractional; volumes are whole units).")]
    public double VolumeMultiplier { get; init; } = 1;
}
