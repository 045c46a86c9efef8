namespace AlgoSpace.Grains.Components.Execution;

/// <summary>Where a trade is: waiting for its entry fill, or holding a position.</summary>
public enum TradePhase
{
    PendingEntry,
    Open,
}
