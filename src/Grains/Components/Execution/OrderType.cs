namespace AlgoSpace.Grains.Components.Execution;

/// <summary>How an order fills: at the market, when a stop price is reached, or at a limit price.</summary>
public enum OrderType
{
    Market,
    Stop,
    Limit,
}
