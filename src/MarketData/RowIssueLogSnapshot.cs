namespace AlgoSpace.MarketData;

/// <summary>The saved form of a <see cref="RowIssueLog"/>.</summary>
public sealed record RowIssueLogSnapshot(
    Dictionary<RowIssueKind, long> Counts,
    List<RowIssue> Rejections,
    List<RowIssue> Warnings);
