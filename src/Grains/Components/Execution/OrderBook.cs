namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The working orders, in the order they were placed (which is the order they are looked at on a tick). Every
/// change goes through the state table; an order that reaches a final state is moved to CLOSED and leaves the book.
/// </summary>
public sealed class OrderBook
{
    private readonly List<Order> _orders = [];

    /// <summary>Working orders in placement order.</summary>
    public IReadOnlyList<Order> Orders => _orders;

    /// <summary>Adds a new order; it must be in <see cref="OrderStatus.Created"/>.</summary>
    public void Add(Order order)
    {
        if (order.Status != OrderStatus.Created) throw new ArgumentException($"Order {order.OrderId} must start as CREATED.", nameof(order));
        if (Find(order.OrderId) is not null) throw new ArgumentException($"Order {order.OrderId} is already in the book.", nameof(order));
        _orders.Add(order);
    }

    public Order? Find(string orderId) => _orders.Find(o => o.OrderId == orderId);

    public Order Get(string orderId) => Find(orderId) ?? throw new KeyNotFoundException($"Order {orderId} is not in the book.");

    /// <summary>
    /// Moves an order through each of <paramref name="path"/> in turn and returns it as it is after the last step.
    /// When that step is final, the order is closed and leaves the book.
    /// </summary>
    public Order Advance(string orderId, params OrderStatus[] path)
    {
        var index = _orders.FindIndex(o => o.OrderId == orderId);
        if (index < 0) throw new KeyNotFoundException($"Order {orderId} is not in the book.");
        var order = _orders[index];
        foreach (var status in path) order = OrderStateMachine.Transition(order, status);

        if (OrderStateMachine.IsTerminal(order.Status))
        {
            OrderStateMachine.Transition(order, OrderStatus.Closed);
            _orders.RemoveAt(index);
        }
        else
        {
            _orders[index] = order;
        }

        return order;
    }

    /// <summary>The working orders of one trade, in placement order.</summary>
    public IReadOnlyList<Order> ForExecution(string executionId) => _orders.Where(o => o.ExecutionId == executionId).ToList();

    /// <summary>Whether a trade already has a pending market exit, so a time stop does not place a second one.</summary>
    public bool HasExit(string executionId) => ForExecution(executionId).Any(o => o.Role == OrderRole.Exit);

    public void Restore(IEnumerable<Order> orders)
    {
        _orders.Clear();
        _orders.AddRange(orders);
    }
}
