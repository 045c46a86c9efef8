using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.MarketData.Files;

/// <summary>
/// The saved position and state of a <see cref="TickSource"/>: which file, how far (cursor), the counters, every
/// issue count with the first examples, and the validator (last accepted time, median window, pending outliers).
/// </summary>
public sealed record TickSourceSnapshot(
    string FilePath,
    long FileLength,
    TickCursor Cursor,
    long Rows,
    long BlankLines,
    long OutOfRange,
    long Accepted,
    long LevelShifts,
    RowIssueLogSnapshot Issues,
    TickValidatorSnapshot Validator)
{
    /// <summary>The timestamp of the last accepted tick.</summary>
    public DateTime? LastTickTime => Validator.LastAccepted;
}
