using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Benchmarks.Components;

/// <summary>Records each BENCH_PING's hop time (arrival − the send time in its SimTime) in the run's <see cref="HopRecorder"/>.</summary>
[ComponentKind("bench_sink", Consumes = [BenchEvents.Ping], Description = "Benchmark only: records BENCH_PING hop latencies.")]
public sealed class BenchSink : IComponent
{
    private readonly HopRecorder _recorder;

    public BenchSink(IComponentContext context)
    {
        _recorder = HopRecorder.For(context.Spec.Parameters["run"]);
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation)
    {
        _recorder.Arrived(envelope.Seq, BenchEvents.SentAt(envelope.SimTime));
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => null;

    public void RestoreState(object state)
    {
    }
}
