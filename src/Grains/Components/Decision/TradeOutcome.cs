namespace AlgoSpace.Grains.Components.Decision;

/// <summary>One closed trade as the decision components remember it (component-contracts 2.8 state).</summary>
/// <param name="RMultiple">Net P&amp;L over the planned risk (stop distance · point value · size); 0 when the risk is unknown.</param>
[GenerateSerializer, Immutable]
public sealed record TradeOutcome(
    [property: Id(0)] bool HitStop,
    [property: Id(1)] bool HitTarget,
    [property: Id(2)] double NetPnl,
    [property: Id(3)] int Size,
    [property: Id(4)] double SlDistance,
    [property: Id(5)] double TpDistance,
    [property: Id(6)] double RMultiple);
