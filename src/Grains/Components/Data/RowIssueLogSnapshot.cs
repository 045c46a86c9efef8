namespace AlgoSpace.Components.Data;

/// <summary>The saved form of a <see cref="RowIssueLog"/>.</summary>
[GenerateSerializer]
public sealed record RowIssueLogSnapshot(
    [property: Id(0)] Dictionary<RowIssueKind, long> Counts,
    [property: Id(1)] List<RowIssue> Rejections,
    [property: Id(2)] List<RowIssue> Warnings);
