namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// One order. Immutable: a state change is a new value (through <see cref="OrderStateMachine.Transition"/>), so
/// a saved snapshot never shares anything the engine still changes.
/// </summary>
/// <param name="Side">+1 buy, -1 sell.</param>
/// <param name="Price">Stop or limit price; null for market orders.</param>
/// <param name="OcoGroup">The bracket's one-cancels-other link, <c>OCO_BR_&lt;execution id&gt;</c>.</param>
/// <param name="PlacedAtTick">The engine's tick count when the order was placed: it can fill only on a later tick.</param>
/// <param name="ExitReason">For an exit order, the reason its trade closes (TIME_STOP, ...).</param>
[GenerateSerializer, Immutable]
public sealed record Order(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string ExecutionId,
    [property: Id(2)] string Symbol,
    [property: Id(3)] int Side,
    [property: Id(4)] OrderType Type,
    [property: Id(5)] OrderRole Role,
    [property: Id(6)] int Quantity,
    [property: Id(7)] double? Price,
    [property: Id(8)] string? OcoGroup,
    [property: Id(9)] OrderStatus Status,
    [property: Id(10)] long PlacedAtTick,
    [property: Id(11)] DateTime CreatedAt,
    [property: Id(12)] string? ExitReason = null);
