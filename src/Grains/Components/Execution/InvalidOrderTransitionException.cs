namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// An order was asked to move to a state the state table does not allow. It means the execution state is
/// inconsistent, so the component turns it into a fatal error rather than guessing.
/// </summary>
public sealed class InvalidOrderTransitionException(string orderId, OrderStatus from, OrderStatus to)
    : Exception($"Order {orderId} cannot go from {OrderStateMachine.Name(from)} to {OrderStateMachine.Name(to)}.")
{
    public string OrderId { get; } = orderId;
    public OrderStatus From { get; } = from;
    public OrderStatus To { get; } = to;
}
