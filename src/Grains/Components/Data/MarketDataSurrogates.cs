using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;
using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.Grains.Components.Data;

// The market-data library's snapshots are plain records (it references no Orleans), yet they are saved inside the
// data handlers' checkpoint state. These Orleans surrogates carry them across that boundary, field for field with
// the ids the records had when they were serialized directly, so the saved state stays what it was.

[GenerateSerializer, Immutable]
public readonly record struct TickCursorSurrogate([property: Id(0)] long DataLines, [property: Id(1)] int Parts);

[RegisterConverter]
public sealed class TickCursorConverter : IConverter<TickCursor, TickCursorSurrogate>
{
    public TickCursor ConvertFromSurrogate(in TickCursorSurrogate surrogate) => new(surrogate.DataLines, surrogate.Parts);

    public TickCursorSurrogate ConvertToSurrogate(in TickCursor value) => new(value.DataLines, value.Parts);
}

[GenerateSerializer, Immutable]
public readonly record struct RowIssueSurrogate([property: Id(0)] long Line, [property: Id(1)] RowIssueKind Kind, [property: Id(2)] string Detail);

[RegisterConverter]
public sealed class RowIssueConverter : IConverter<RowIssue, RowIssueSurrogate>
{
    public RowIssue ConvertFromSurrogate(in RowIssueSurrogate surrogate) => new(surrogate.Line, surrogate.Kind, surrogate.Detail);

    public RowIssueSurrogate ConvertToSurrogate(in RowIssue value) => new(value.Line, value.Kind, value.Detail);
}

[GenerateSerializer]
public readonly record struct RowIssueLogSnapshotSurrogate(
    [property: Id(0)] Dictionary<RowIssueKind, long> Counts,
    [property: Id(1)] List<RowIssue> Rejections,
    [property: Id(2)] List<RowIssue> Warnings);

[RegisterConverter]
public sealed class RowIssueLogSnapshotConverter : IConverter<RowIssueLogSnapshot, RowIssueLogSnapshotSurrogate>
{
    public RowIssueLogSnapshot ConvertFromSurrogate(in RowIssueLogSnapshotSurrogate surrogate) =>
        new(surrogate.Counts, surrogate.Rejections, surrogate.Warnings);

    public RowIssueLogSnapshotSurrogate ConvertToSurrogate(in RowIssueLogSnapshot value) => new(value.Counts, value.Rejections, value.Warnings);
}

[GenerateSerializer]
public readonly record struct TickValidatorSnapshotSurrogate(
    [property: Id(0)] DateTime? LastAccepted,
    [property: Id(1)] double[] Window,
    [property: Id(2)] double[] PendingOutliers,
    [property: Id(3)] double? PreviousBarLow,
    [property: Id(4)] double? PreviousBarHigh,
    [property: Id(5)] DateTime[]? PendingTimeOutliers,
    [property: Id(6)] long TimeJumps);

[RegisterConverter]
public sealed class TickValidatorSnapshotConverter : IConverter<TickValidatorSnapshot, TickValidatorSnapshotSurrogate>
{
    public TickValidatorSnapshot ConvertFromSurrogate(in TickValidatorSnapshotSurrogate s) =>
        new(s.LastAccepted, s.Window, s.PendingOutliers, s.PreviousBarLow, s.PreviousBarHigh, s.PendingTimeOutliers, s.TimeJumps);

    public TickValidatorSnapshotSurrogate ConvertToSurrogate(in TickValidatorSnapshot v) =>
        new(v.LastAccepted, v.Window, v.PendingOutliers, v.PreviousBarLow, v.PreviousBarHigh, v.PendingTimeOutliers, v.TimeJumps);
}

[GenerateSerializer]
public readonly record struct TickSourceSnapshotSurrogate(
    [property: Id(0)] string FilePath,
    [property: Id(1)] long FileLength,
    [property: Id(2)] TickCursor Cursor,
    [property: Id(3)] long Rows,
    [property: Id(4)] long BlankLines,
    [property: Id(5)] long OutOfRange,
    [property: Id(6)] long Accepted,
    [property: Id(7)] long LevelShifts,
    [property: Id(8)] RowIssueLogSnapshot Issues,
    [property: Id(9)] TickValidatorSnapshot Validator);

[RegisterConverter]
public sealed class TickSourceSnapshotConverter : IConverter<TickSourceSnapshot, TickSourceSnapshotSurrogate>
{
    public TickSourceSnapshot ConvertFromSurrogate(in TickSourceSnapshotSurrogate s) =>
        new(s.FilePath, s.FileLength, s.Cursor, s.Rows, s.BlankLines, s.OutOfRange, s.Accepted, s.LevelShifts, s.Issues, s.Validator);

    public TickSourceSnapshotSurrogate ConvertToSurrogate(in TickSourceSnapshot v) =>
        new(v.FilePath, v.FileLength, v.Cursor, v.Rows, v.BlankLines, v.OutOfRange, v.Accepted, v.LevelShifts, v.Issues, v.Validator);
}
