namespace AlgoSpace.MarketData;

/// <summary>One trade as the data handler reads it, before it becomes a NEW_TICK payload.</summary>
public readonly record struct MarketTick(DateTime Timestamp, double Price, long Volume, double? Bid = null, double? Ask = null);
