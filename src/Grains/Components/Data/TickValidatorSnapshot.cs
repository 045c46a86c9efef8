namespace AlgoSpace.Components.Data;

/// <summary>The saved state of a <see cref="TickValidator"/>: last accepted time, the median window (oldest first) and pending outliers.</summary>
[GenerateSerializer]
public sealed record TickValidatorSnapshot(
    [property: Id(0)] DateTime? LastAccepted,
    [property: Id(1)] double[] Window,
    [property: Id(2)] double[] PendingOutliers);
