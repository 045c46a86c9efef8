namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// The snapshot policy's clock: simulation time cut into periods of persistence.snapshot_every_bars 30-minute bars.
/// A source's host asks after each publish of ticks (the pipeline is then quiescent) whether the time has entered a
/// new period; the first time seen, and a time that went back, only set the period.
/// </summary>
public sealed class CheckpointPeriods(int snapshotEveryBars)
{
    private readonly long _period = TimeSpan.FromMinutes(30).Ticks * snapshotEveryBars;
    private long? _bucket;

    public bool Enters(DateTime simTime)
    {
        var bucket = simTime.Ticks / _period;
        if (_bucket is null || bucket < _bucket)
        {
            _bucket = bucket;
            return false;
        }

        if (bucket == _bucket) return false;
        _bucket = bucket;
        return true;
    }
}
