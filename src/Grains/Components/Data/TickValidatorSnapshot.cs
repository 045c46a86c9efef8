namespace AlgoSpace.Components.Data;

/// <summary>
/// The saved state of a <see cref="TickValidator"/>: last accepted time, the median window (oldest first), pending
/// price outliers, for a bar file the previous bar's range, and the pending outlier times of <see cref="TimeJumpRule"/>
/// (null in state saved before that rule existed) with the count of confirmed jumps.
/// </summary>
[GenerateSerializer]
public sealed record TickValidatorSnapshot(
    [property: Id(0)] DateTime? LastAccepted,
    [property: Id(1)] double[] Window,
    [property: Id(2)] double[] PendingOutliers,
    [property: Id(3)] double? PreviousBarLow = null,
    [property: Id(4)] double? PreviousBarHigh = null,
    [property: Id(5)] DateTime[]? PendingTimeOutliers = null,
    [property: Id(6)] long TimeJumps = 0);
