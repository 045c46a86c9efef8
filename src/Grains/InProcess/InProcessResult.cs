namespace AlgoSpace.Grains.InProcess;

/// <summary>The outcome of an in-process run.</summary>
/// <param name="Ticks">Ticks the data handler published (from BACKTEST_COMPLETE, or NEW_TICK envelopes counted).</param>
/// <param name="Events">Envelopes published by all components.</param>
/// <param name="Elapsed">From the first component's start to the end of the end-of-backtest steps.</param>
/// <param name="FatalError">The critical error that stopped the run early, or null.</param>
public sealed record InProcessResult(long Ticks, long Events, TimeSpan Elapsed, IReadOnlyList<InProcessCost> Costs, string? FatalError)
{
    public double TicksPerSecond => Ticks / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
