using System.Diagnostics.Metrics;
using AlgoSpace.Grains.Bus;

namespace AlgoSpace.Grains.Checkpoints;

/// <summary>Checkpoint metrics on the AlgoSpace meter (served at /metrics): how many were committed and what each cost.</summary>
public static class CheckpointTelemetry
{
    private static readonly Counter<long> Committed = BusTelemetry.Meter.CreateCounter<long>("algospace_checkpoints_committed", description: "Checkpoints committed");
    private static readonly Histogram<double> Duration = BusTelemetry.Meter.CreateHistogram<double>("algospace_checkpoint_ms", "ms", "Time to write every component's piece of a checkpoint and commit it");

    public static void Record(double elapsedMs)
    {
        Committed.Add(1);
        Duration.Record(elapsedMs);
    }
}
