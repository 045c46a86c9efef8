namespace AlgoSpace.Benchmarks.Grains;

/// <summary>The direct-call reference hop: a trivial grain method that answers when it was reached.</summary>
public interface IBenchPingGrain : IGrainWithIntegerKey
{
    /// <summary>Returns the Stopwatch time at which the call arrived.</summary>
    Task<long> PingAsync(long sent);
}

/// <summary>Sends the reference hops from inside a grain, as a component host sends its events.</summary>
public interface IBenchCallerGrain : IGrainWithIntegerKey
{
    /// <summary>Direct grain calls to <see cref="IBenchPingGrain"/>, each awaited.</summary>
    Task<DirectCallResult> CallAsync(int warmup, int count);

    /// <summary>Publishes to the bus's broadcast-channel provider without the AlgoSpace layer, each publish awaited;
    /// the run's HopRecorder records the arrivals.</summary>
    Task PublishAsync(string run);
}

/// <summary>Per-call hop times (arrival − send, Stopwatch ticks) and the measured calls' elapsed Stopwatch ticks.</summary>
[GenerateSerializer, Immutable]
public sealed record DirectCallResult([property: Id(0)] long[] Latencies, [property: Id(1)] long ElapsedTicks);
