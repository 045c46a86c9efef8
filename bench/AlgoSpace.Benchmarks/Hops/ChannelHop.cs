using System.Diagnostics;
using System.Threading.Channels;
using AlgoSpace.Benchmarks.Report;

namespace AlgoSpace.Benchmarks.Hops;

/// <summary>
/// The in-process floor: a bounded channel with one reader task. The writer waits for the reader's acknowledgement
/// before the next write, as an acknowledged bus publish waits for its handler.
/// </summary>
public static class ChannelHop
{
    public static async Task<HopRow> RunAsync(int warmup, int count)
    {
        var pings = Channel.CreateBounded<long>(new BoundedChannelOptions(1_024) { SingleReader = true, SingleWriter = true });
        var acks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var total = warmup + count;
        var latencies = new long[total];
        var reader = Task.Run(async () =>
        {
            var i = 0;
            await foreach (var sent in pings.Reader.ReadAllAsync())
            {
                latencies[i++] = Stopwatch.GetTimestamp() - sent;
                await acks.Writer.WriteAsync(true);
            }
        });

        long started = 0;
        for (var i = 0; i < total; i++)
        {
            if (i == warmup) started = Stopwatch.GetTimestamp();
            await pings.Writer.WriteAsync(Stopwatch.GetTimestamp());
            await acks.Reader.ReadAsync();
        }

        var elapsed = Stopwatch.GetTimestamp() - started;
        pings.Writer.Complete();
        await reader;
        return LatencyStats.Row("System.Threading.Channels (bounded, one reader task), reference", latencies.AsSpan(warmup), elapsed);
    }
}
