using AlgoSpace.Benchmarks.Components;
using Orleans.BroadcastChannel;

namespace AlgoSpace.Benchmarks.Grains;

/// <summary>The Orleans broadcast channel without the AlgoSpace layer: a ping, its seq and send time.</summary>
[GenerateSerializer, Immutable]
public sealed record BenchPing([property: Id(0)] long Seq, [property: Id(1)] long Sent);

public interface IBenchChannelSinkGrain : IGrainWithStringKey;

/// <summary>
/// Subscribed implicitly to every channel of its own namespace (not the bus's, so no component host wakes up),
/// keyed by the run name; records each ping's hop in that run's <see cref="HopRecorder"/>.
/// </summary>
[ImplicitChannelSubscription(Namespace)]
public sealed class BenchChannelSinkGrain : Grain, IBenchChannelSinkGrain, IOnBroadcastChannelSubscribed
{
    public const string Namespace = "algospace.bench";

    public Task OnSubscribed(IBroadcastChannelSubscription subscription)
    {
        var recorder = HopRecorder.For(this.GetPrimaryKeyString());
        return subscription.Attach<BenchPing>(ping =>
        {
            recorder.Arrived(ping.Seq, ping.Sent);
            return Task.CompletedTask;
        }, _ => Task.CompletedTask);
    }
}
