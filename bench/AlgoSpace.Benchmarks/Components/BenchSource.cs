using System.Diagnostics;
using System.Globalization;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Benchmarks.Components;

/// <summary>
/// Publishes BENCH_PING warmup + count times, one at a time, stamping each envelope's SimTime with the send time.
/// Parameters: run (the <see cref="HopRecorder"/> to report to), warmup, count. It never completes the backtest,
/// so the system stays Running until the benchmark stops the silo.
/// </summary>
[ComponentKind("bench_source", Role = ComponentRole.DataHandler, Modes = ComponentMode.Any, Produces = [BenchEvents.Ping],
    Description = "Benchmark only: publishes BENCH_PING with send timestamps.")]
public sealed class BenchSource : ISourceComponent
{
    private readonly IComponentContext _context;

    public BenchSource(IComponentContext context)
    {
        _context = context;
    }

    public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public async Task RunAsync(CancellationToken cancellation)
    {
        var recorder = HopRecorder.For(_context.Spec.Parameters["run"]);
        var warmup = Int("warmup");
        var total = warmup + Int("count");
        for (long seq = 1; seq <= total; seq++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (seq == warmup + 1) await recorder.WaitToMeasureAsync();
            await _context.Bus.PublishAsync(BenchEvents.Ping, null, BenchEvents.Stamp(Stopwatch.GetTimestamp()));
            await recorder.WaitForArrivalAsync(seq);
        }
    }

    private int Int(string name) => int.Parse(_context.Spec.Parameters[name], CultureInfo.InvariantCulture);

    public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

    public object? SaveState() => null;

    public void RestoreState(object state)
    {
    }
}
