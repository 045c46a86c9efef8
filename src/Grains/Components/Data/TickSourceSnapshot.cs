namespace AlgoSpace.Components.Data;

/// <summary>
/// The saved position and state of a <see cref="TickSource"/>: which file, how far (cursor), the counters, every
/// issue count with the first examples, and the validator (last accepted time, median window, pending outliers).
/// </summary>
[GenerateSerializer]
public sealed record TickSourceSnapshot(
    [property: Id(0)] string FilePath,
    [property: Id(1)] long FileLength,
    [property: Id(2)] TickCursor Cursor,
    [property: Id(3)] long Rows,
    [property: Id(4)] long BlankLines,
    [property: Id(5)] long OutOfRange,
    [property: Id(6)] long Accepted,
    [property: Id(7)] long LevelShifts,
    [property: Id(8)] RowIssueLogSnapshot Issues,
    [property: Id(9)] TickValidatorSnapshot Validator)
{
    /// <summary>The timestamp of the last accepted tick.</summary>
    public DateTime? LastTickTime => Validator.LastAccepted;
}
