namespace AlgoSpace.MarketData;

/// <summary>One OHLCV bar as read from a bar CSV; <see cref="Timestamp"/> is the bar's start.</summary>
public readonly record struct BarRow(DateTime Timestamp, double Open, double High, double Low, double Close, long Volume);
