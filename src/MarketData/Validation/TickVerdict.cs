
namespace AlgoSpace.MarketData.Validation;

/// <summary>
/// What the validator decided about one tick: accepted (possibly with its volume set to 0), or rejected for a
/// reason. <see cref="LevelShift"/> marks the third of three agreeing outliers, accepted as a new price level.
/// </summary>
public readonly record struct TickVerdict(RowIssueKind? Rejection, string? Detail, bool VolumeClamped, bool LevelShift)
{
    public bool Accepted => Rejection is null;
}
