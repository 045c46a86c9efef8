using System.Diagnostics;
using AlgoSpace.Benchmarks.Components;
using AlgoSpace.Grains.Interfaces.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Orleans.BroadcastChannel;

namespace AlgoSpace.Benchmarks.Grains;

public sealed class BenchPingGrain : Grain, IBenchPingGrain
{
    public Task<long> PingAsync(long sent) => Task.FromResult(Stopwatch.GetTimestamp());
}

public sealed class BenchCallerGrain : Grain, IBenchCallerGrain
{
    public async Task<DirectCallResult> CallAsync(int warmup, int count)
    {
        var target = GrainFactory.GetGrain<IBenchPingGrain>(this.GetPrimaryKeyLong());
        for (var i = 0; i < warmup; i++) await target.PingAsync(Stopwatch.GetTimestamp());

        var latencies = new long[count];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            latencies[i] = await target.PingAsync(sent) - sent;
        }

        return new DirectCallResult(latencies, Stopwatch.GetTimestamp() - started);
    }

    public async Task PublishAsync(string run)
    {
        // The same provider (acknowledged delivery) the bus's broadcast transport uses.
        var provider = ServiceProvider.GetRequiredKeyedService<IBroadcastChannelProvider>(KernelKeys.BroadcastProvider);
        var writer = provider.GetChannelWriter<BenchPing>(ChannelId.Create(BenchChannelSinkGrain.Namespace, run));
        var recorder = HopRecorder.For(run);
        for (long seq = 1; seq <= recorder.Total; seq++)
        {
            if (seq == recorder.Warmup + 1) await recorder.WaitToMeasureAsync();
            await writer.Publish(new BenchPing(seq, Stopwatch.GetTimestamp()));
        }
    }
}
