namespace AlgoSpace.Grains.Components.Execution;

/// <summary>What an order does for its trade.</summary>
public enum OrderRole
{
    /// <summary>Opens the position (market).</summary>
    Entry,

    /// <summary>The bracket's protective stop (stop-market, opposite side).</summary>
    StopLoss,

    /// <summary>The bracket's target (limit, opposite side).</summary>
    TakeProfit,

    /// <summary>Closes the position at the market: time stop, end of day, shutdown.</summary>
    Exit,
}
