namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// The snapshot policy's clock: simulation time cut into periods of persistence.snapshot_every_bars 30-minute bars.
/// A source's host asks after each publish of ticks (the pipeline is then quiescent) whether the time has entered a
/// new period; a time that went back only sets the period. The first time seen sets it too, and when asked (a live
/// run with no checkpoint yet) also asks for a checkpoint: a live run's first period can last a wall-clock day, and a
/// restore from the run's start would know neither where it had read the feed to (so the ticks read before a crash
/// could not be counted missed) nor its state; after the first tick it knows both.
/// </summary>
public sealed class CheckpointPeriods(int snapshotEveryBars, bool checkpointFirst = false)
{
    private readonly long _period = TimeSpan.FromMinutes(30).Ticks * snapshotEveryBars;
    private long? _bucket;

    public bool Enters(DateTime simTime)
    {
        var bucket = simTime.Ticks / _period;
        if (_bucket is null)
        {
            _bucket = bucket;
            return checkpointFirst;
        }

        if (bucket < _bucket)
        {
            _bucket = bucket;
            return false;
        }

        if (bucket == _bucket) return false;
        _bucket = bucket;
        return true;
    }
}
