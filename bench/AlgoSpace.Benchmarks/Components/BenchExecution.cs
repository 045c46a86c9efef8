using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Benchmarks.Components;

/// <summary>
/// Does nothing: a backtest must name an execution handler, and the benchmark's routing table should have nothing
/// but the measured hop in it.
/// </summary>
[ComponentKind("bench_execution", Role = ComponentRole.ExecutionHandler, Modes = ComponentMode.Any,
    Description = "Benchmark only: an execution handler that handles nothing.")]
public sealed class BenchExecution : IComponent
{
    /// <summary>Needs nothing from its context.</summary>
    public BenchExecution(IComponentContext context)
    {
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => null;

    public void RestoreState(object state)
    {
    }
}
