namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// ORDER_SUBMITTED, ORDER_FILLED, ORDER_REJECTED and ORDER_CANCELLED: one step of an order's life
/// (component-contracts 2.9). <see cref="Details"/> is always present; <see cref="Fill"/> only on ORDER_FILLED;
/// <see cref="Reason"/> on ORDER_REJECTED and ORDER_CANCELLED.
/// </summary>
/// <param name="ExecutionId">The trade the order belongs to.</param>
/// <param name="Status">The order's state after this step, as the state table spells it (SUBMITTED, FILLED, ...).</param>
/// <param name="Timestamp">Simulation time of the step.</param>
/// <param name="Reason">Why it was rejected or cancelled: a check code with its explanation, OCO, TIME_STOP, EOD_FLAT, ...</param>
[GenerateSerializer, Immutable]
public sealed record OrderEventPayload(
    [property: Id(0)] string ExecutionId,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTime Timestamp,
    [property: Id(4)] OrderDetails Details,
    [property: Id(5)] OrderFill? Fill,
    [property: Id(6)] string? Reason) : EventPayload, IInstrumentPayload
{
    string IInstrumentPayload.Symbol => Details.Symbol;
}

/// <summary>What the order is.</summary>
/// <param name="Side">+1 buy, -1 sell.</param>
/// <param name="OrderType">MARKET, STOP or LIMIT.</param>
/// <param name="Price">The stop or limit price; null for a market order.</param>
/// <param name="OcoGroup"><c>OCO_BR_&lt;execution id&gt;</c> for the two bracket orders; null otherwise.</param>
/// <param name="Role">ENTRY, STOP_LOSS, TAKE_PROFIT or EXIT.</param>
[GenerateSerializer, Immutable]
public sealed record OrderDetails(
    [property: Id(0)] string Symbol,
    [property: Id(1)] int Side,
    [property: Id(2)] string OrderType,
    [property: Id(3)] int Quantity,
    [property: Id(4)] double? Price,
    [property: Id(5)] string? OcoGroup,
    [property: Id(6)] string Role);

/// <summary>One fill.</summary>
/// <param name="Commission">USD for this side of the trade.</param>
/// <param name="Slippage">Points the fill was worse than the price that triggered it (never negative).</param>
[GenerateSerializer, Immutable]
public sealed record OrderFill(
    [property: Id(0)] double Price,
    [property: Id(1)] int Quantity,
    [property: Id(2)] double Commission,
    [property: Id(3)] double Slippage);
