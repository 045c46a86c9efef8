namespace AlgoSpace.Grains.Components.Execution;

/// <summary>One fill in the journal: the audit trail of every contract bought or sold.</summary>
/// <param name="Side">+1 buy, -1 sell.</param>
/// <param name="Slippage">Points worse than the triggering tick.</param>
[GenerateSerializer, Immutable]
public sealed record FillRecord(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ExecutionId,
    [property: Id(2)] OrderRole Role,
    [property: Id(3)] int Side,
    [property: Id(4)] double Price,
    [property: Id(5)] int Quantity,
    [property: Id(6)] double Commission,
    [property: Id(7)] double Slippage,
    [property: Id(8)] DateTime Timestamp);
