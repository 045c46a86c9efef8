namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// One trade arrival of a <see cref="SampleSession"/>: <paramref name="Time"/> seconds after the open,
/// <paramref name="Gap"/> seconds after the arrival before, and <paramref name="Shape"/> the session's U shape where the
/// gap began (how busy and volatile the market was).
/// </summary>
public readonly record struct SampleArrival(double Time, double Gap, double Shape);
