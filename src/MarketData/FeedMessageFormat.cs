using System.Runtime.Serialization;

namespace AlgoSpace.MarketData;

// EnumMember rather than SettingValue for the reason given in DataFileFormat.cs.

/// <summary>The message format of a live WebSocket feed.</summary>
public enum FeedMessageFormat
{
    /// <summary>The project's documented JSON tick message.</summary>
    [EnumMember(Value = "algospace_json")] AlgoSpaceJson,
    /// <summary>A public exchange trade-stream format (one trade per message).</summary>
    [EnumMember(Value = "binance_trade")] BinanceTrade,
}
