namespace AlgoSpace.MarketData.Validation;

/// <summary>
/// The saved state of a <see cref="TickValidator"/>: last accepted time, the median window (oldest first), pending
/// price outliers, for a bar file the previous bar's range, and the pending outlier times of <see cref="TimeJumpRule"/>
/// (null in state saved before that rule existed) with the count of confirmed jumps.
/// </summary>
public sealed record TickValidatorSnapshot(
    DateTime? LastAccepted,
    double[] Window,
    double[] PendingOutliers,
    double? PreviousBarLow = null,
    double? PreviousBarHigh = null,
    DateTime[]? PendingTimeOutliers = null,
    long TimeJumps = 0);
