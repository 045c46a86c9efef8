namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The order state table of component-contracts 2.9, and nothing else: every transition not listed throws
/// <see cref="InvalidOrderTransitionException"/>.
/// </summary>
public static class OrderStateMachine
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.Created] = [OrderStatus.PendingSubmit],
        [OrderStatus.PendingSubmit] = [OrderStatus.Submitted, OrderStatus.Rejected],
        [OrderStatus.Submitted] = [OrderStatus.Acknowledged, OrderStatus.Rejected],
        [OrderStatus.Acknowledged] = [OrderStatus.PartialFill, OrderStatus.Filled, OrderStatus.Cancelled, OrderStatus.Expired],
        [OrderStatus.PartialFill] = [OrderStatus.Filled, OrderStatus.Cancelled, OrderStatus.Expired],
        [OrderStatus.Filled] = [OrderStatus.Closed],
        [OrderStatus.Cancelled] = [OrderStatus.Closed],
        [OrderStatus.Rejected] = [OrderStatus.Closed],
        [OrderStatus.Expired] = [OrderStatus.Closed],
        [OrderStatus.Closed] = [],
    };

    /// <summary>The states allowed after <paramref name="from"/>.</summary>
    public static IReadOnlyList<OrderStatus> Next(OrderStatus from) => Allowed[from];

    public static bool IsAllowed(OrderStatus from, OrderStatus to) => Allowed[from].Contains(to);

    /// <summary>A final state: the next step can only be <see cref="OrderStatus.Closed"/>.</summary>
    public static bool IsTerminal(OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.Expired;

    /// <summary>The order in its next state, or an exception when the table does not allow it.</summary>
    public static Order Transition(Order order, OrderStatus to) =>
        IsAllowed(order.Status, to) ? order with { Status = to } : throw new InvalidOrderTransitionException(order.OrderId, order.Status, to);

    /// <summary>The state as the contract spells it: PENDING_SUBMIT, PARTIAL_FILL, ...</summary>
    public static string Name(OrderStatus status) => status switch
    {
        OrderStatus.Created => "CREATED",
        OrderStatus.PendingSubmit => "PENDING_SUBMIT",
        OrderStatus.Submitted => "SUBMITTED",
        OrderStatus.Acknowledged => "ACKNOWLEDGED",
        OrderStatus.PartialFill => "PARTIAL_FILL",
        OrderStatus.Filled => "FILLED",
        OrderStatus.Cancelled => "CANCELLED",
        OrderStatus.Rejected => "REJECTED",
        OrderStatus.Expired => "EXPIRED",
        OrderStatus.Closed => "CLOSED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
