using AlgoSpace.Grains.Components.Execution;
using static AlgoSpace.Grains.Components.Execution.OrderStatus;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class OrderStateMachineTests
{
    /// <summary>The table of component-contracts 2.9, written out again independently of the implementation.</summary>
    private static readonly (OrderStatus From, OrderStatus To)[] Table =
    [
        (Created, PendingSubmit),
        (PendingSubmit, Submitted), (PendingSubmit, Rejected),
        (Submitted, Acknowledged), (Submitted, Rejected),
        (Acknowledged, PartialFill), (Acknowledged, Filled), (Acknowledged, Cancelled), (Acknowledged, Expired),
        (PartialFill, Filled), (PartialFill, Cancelled), (PartialFill, Expired),
        (Filled, Closed), (Cancelled, Closed), (Rejected, Closed), (Expired, Closed),
    ];

    private static Order InState(OrderStatus status) =>
        new("ORD_1", "EX1", "ES", 1, OrderType.Market, OrderRole.Entry, 1, null, null, status, 0, ExecutionHarness.Day);

    public static TheoryData<OrderStatus, OrderStatus> Allowed()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var (from, to) in Table) data.Add(from, to);
        return data;
    }

    public static TheoryData<OrderStatus, OrderStatus> Disallowed()
    {
        var data = new TheoryData<OrderStatus, OrderStatus>();
        foreach (var from in Enum.GetValues<OrderStatus>())
        {
            foreach (var to in Enum.GetValues<OrderStatus>())
            {
                if (!Table.Contains((from, to))) data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Every_transition_of_the_table_is_allowed(OrderStatus from, OrderStatus to)
    {
        Assert.True(OrderStateMachine.IsAllowed(from, to));
        Assert.Equal(to, OrderStateMachine.Transition(InState(from), to).Status);
    }

    [Theory]
    [MemberData(nameof(Disallowed))]
    public void Every_other_transition_throws(OrderStatus from, OrderStatus to)
    {
        Assert.False(OrderStateMachine.IsAllowed(from, to));
        var ex = Assert.Throws<InvalidOrderTransitionException>(() => OrderStateMachine.Transition(InState(from), to));
        Assert.Equal((from, to), (ex.From, ex.To));
    }

    [Fact]
    public void A_submitted_order_cannot_be_cancelled_without_an_acknowledgement_first() =>
        Assert.Throws<InvalidOrderTransitionException>(() => OrderStateMachine.Transition(InState(Submitted), Cancelled));

    [Fact]
    public void The_order_book_closes_an_order_that_reaches_a_final_state_and_drops_it()
    {
        var book = new OrderBook();
        book.Add(InState(Created));

        Assert.Equal(Acknowledged, book.Advance("ORD_1", PendingSubmit, Submitted, Acknowledged).Status);
        Assert.Equal(Filled, book.Advance("ORD_1", Filled).Status);

        Assert.Empty(book.Orders);
    }

    [Fact]
    public void The_order_book_refuses_a_transition_outside_the_table_and_keeps_the_order_as_it_was()
    {
        var book = new OrderBook();
        book.Add(InState(Created));

        Assert.Throws<InvalidOrderTransitionException>(() => book.Advance("ORD_1", Filled));

        Assert.Equal(Created, Assert.Single(book.Orders).Status);
    }

    [Fact]
    public void States_are_spelled_as_the_contract_spells_them() =>
        Assert.Equal(["PENDING_SUBMIT", "PARTIAL_FILL", "ACKNOWLEDGED"],
            new[] { PendingSubmit, PartialFill, Acknowledged }.Select(OrderStateMachine.Name));
}
