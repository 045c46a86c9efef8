namespace AlgoSpace.Grains.Components.Execution;

/// <summary>What the execution handler has done so far (status queries and the saved state).</summary>
[GenerateSerializer, Immutable]
public sealed record ExecutionCounters(
    [property: Id(0)] long OrdersSubmitted,
    [property: Id(1)] long OrdersFilled,
    [property: Id(2)] long OrdersRejected,
    [property: Id(3)] long OrdersCancelled,
    [property: Id(4)] long TradesClosed,
    [property: Id(5)] long RiskBreaches,
    [property: Id(6)] long TicksIgnored)
{
    public static ExecutionCounters Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);
}
