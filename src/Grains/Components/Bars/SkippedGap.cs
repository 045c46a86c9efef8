namespace AlgoSpace.Grains.Components.Bars;

/// <summary>A gap longer than bars.max_gap_fill_bars that was left unfilled (logged by the component).</summary>
/// <param name="After">Start of the last bar before the gap.</param>
/// <param name="Before">Start of the bar after the gap.</param>
/// <param name="MissingBars">Synthetic bars that would have filled it.</param>
public sealed record SkippedGap(string Symbol, int Timeframe, DateTime After, DateTime Before, long MissingBars);
