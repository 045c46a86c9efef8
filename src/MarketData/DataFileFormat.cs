using System.Runtime.Serialization;

namespace AlgoSpace.MarketData;

// EnumMember rather than the settings' own SettingValue attribute: that one lives with the settings model in the
// Orleans contracts assembly, which this library must not reference; the settings loader reads either.

/// <summary>The format of the backtest input file.</summary>
public enum DataFileFormat
{
    /// <summary>Detected from the header row.</summary>
    [EnumMember(Value = "auto")] Auto,
    /// <summary>timestamp, price, volume and optional bid/ask.</summary>
    [EnumMember(Value = "tick")] Tick,
    /// <summary>OHLCV bars, expanded into four ticks each.</summary>
    [EnumMember(Value = "bar")] Bar,
}
