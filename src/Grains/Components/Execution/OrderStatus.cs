namespace AlgoSpace.Grains.Components.Execution;

/// <summary>The states of an order (component-contracts 2.9); <see cref="OrderStateMachine"/> says which follow which.</summary>
public enum OrderStatus
{
    Created,
    PendingSubmit,
    Submitted,
    Acknowledged,
    PartialFill,
    Filled,
    Cancelled,
    Rejected,
    Expired,

    /// <summary>Bookkeeping done: the order has left the book of working orders.</summary>
    Closed,
}
