using AlgoSpace.Benchmarks.Components;
using AlgoSpace.Benchmarks.Grains;
using AlgoSpace.Benchmarks.Hops;
using AlgoSpace.Benchmarks.Report;

namespace AlgoSpace.Benchmarks.InProcess;

/// <summary>Hops through the AlgoSpace bus (broadcast, stream) and the Orleans references, in an in-process silo.</summary>
public static class BusHops
{
    /// <summary>The default transport, then, in the same silo, the bare broadcast channel and a direct grain call.</summary>
    public static async Task<IReadOnlyList<HopRow>> BroadcastAsync(int warmup, int count)
    {
        const string run = "hop-broadcast";
        const string bare = "hop-channel";
        var recorder = HopRecorder.Create(run, warmup, count);
        var channel = HopRecorder.Create(bare, warmup, count);
        try
        {
            recorder.BeginMeasuring();
            await using var system = await BenchSystem.StartAsync(BenchYaml.System("broadcast", run, warmup, count, FreePorts.Pair()));
            await WaitAsync(recorder.Completed, recorder, count);

            var caller = system.Grains.GetGrain<IBenchCallerGrain>(0);
            channel.BeginMeasuring();
            await caller.PublishAsync(bare).WaitAsync(Limit(channel.Count));
            var direct = await caller.CallAsync(warmup, count);
            return
            [
                Row("AlgoSpace bus, transport broadcast (default)", recorder, Targets.HopP99, Targets.HopP99Us),
                Row("Orleans broadcast channel alone (same provider, no AlgoSpace layer), reference", channel),
                LatencyStats.Row("Direct grain call (grain → grain), reference", direct.Latencies, direct.ElapsedTicks),
            ];
        }
        finally
        {
            HopRecorder.Remove(run);
            HopRecorder.Remove(bare);
        }
    }

    public static async Task<HopRow> StreamAsync(int warmup, int count)
    {
        const string run = "hop-stream";
        var recorder = HopRecorder.Create(run, warmup, count);
        try
        {
            recorder.BeginMeasuring();
            await using var system = await BenchSystem.StartAsync(BenchYaml.System("stream", run, warmup, count, FreePorts.Pair()));
            await WaitAsync(recorder.Completed, recorder, count);
            return Row("AlgoSpace bus, transport stream (memory streams, 1 ms pulling period)", recorder);
        }
        finally
        {
            HopRecorder.Remove(run);
        }
    }

    private static HopRow Row(string hop, HopRecorder recorder, string target = "", double? p99LimitUs = null) =>
        LatencyStats.Row(hop, recorder.Latencies, recorder.MeasuredEnd - recorder.MeasuredStart, target, p99LimitUs);

    /// <summary>Waits for a recorder milestone, failing (rather than hanging the benchmark) if events stop arriving.</summary>
    public static async Task WaitAsync(Task milestone, HopRecorder recorder, int events)
    {
        try
        {
            await milestone.WaitAsync(Limit(events));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The benchmark's events did not all arrive within {Limit(events)} (warm-up {recorder.Warmup}, measured {recorder.Count}).");
        }
    }

    private static TimeSpan Limit(int events) => TimeSpan.FromSeconds(60) + TimeSpan.FromMilliseconds(events);
}
