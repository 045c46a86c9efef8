using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Bars;

/// <summary>The bars a tick completed, in emit order, and what happened to the tick.</summary>
public sealed record BarTickResult(BarTickOutcome Outcome, IReadOnlyList<BarPayload> Bars, IReadOnlyList<SkippedGap> SkippedGaps)
{
    public static BarTickResult Skipped(BarTickOutcome outcome) => new(outcome, [], []);
}
