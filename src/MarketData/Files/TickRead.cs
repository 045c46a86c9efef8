
namespace AlgoSpace.MarketData.Files;

/// <summary>One result of a read: a tick, an issue, or the end.</summary>
public readonly record struct TickRead(TickReadStatus Status, SourcedTick Tick, RowIssue? Issue)
{
    public static TickRead End { get; } = new(TickReadStatus.End, default, null);
}
