using AlgoSpace.Benchmarks.Components;
using AlgoSpace.Benchmarks.Report;

namespace AlgoSpace.Benchmarks.InProcess;

/// <summary>
/// Managed heap before and after many events through the broadcast bus: the source pauses after its warm-up,
/// the heap is measured, then it publishes the measured events and the heap is measured again.
/// </summary>
public static class HeapBenchmark
{
    public static async Task<IReadOnlyList<HeapRow>> RunAsync(int warmup, int count)
    {
        const string run = "heap-broadcast";
        // Counting only: keeping a latency per event would itself be heap the benchmark puts there.
        var recorder = HopRecorder.Create(run, warmup, count, keepLatencies: false);
        try
        {
            await using var system = await BenchSystem.StartAsync(BenchYaml.System("broadcast", run, warmup, count, FreePorts.Pair()));
            await BusHops.WaitAsync(recorder.WarmedUp, recorder, warmup);
            var before = HeapSnapshot.Take();
            recorder.BeginMeasuring();
            await BusHops.WaitAsync(recorder.Completed, recorder, count);
            var after = HeapSnapshot.Take();
            return
            [
                Row("GC.GetTotalMemory(true)", count, before.TotalMemory, after.TotalMemory),
                Row("GC.GetGCMemoryInfo().HeapSizeBytes", count, before.HeapSize, after.HeapSize),
            ];
        }
        finally
        {
            HopRecorder.Remove(run);
        }
    }

    private static HeapRow Row(string measure, int events, long before, long after) =>
        new(measure, events, before, after, Targets.NoHeapGrowth, after - before <= Targets.HeapGrowthBytes);
}

/// <summary>The heap after full, blocking, compacting collections (finalisers run in between).</summary>
public readonly record struct HeapSnapshot(long TotalMemory, long HeapSize)
{
    public static HeapSnapshot Take()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var total = GC.GetTotalMemory(forceFullCollection: true);
        return new HeapSnapshot(total, GC.GetGCMemoryInfo().HeapSizeBytes);
    }
}
