using System.Collections.Concurrent;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Benchmarks.Pipeline;

/// <summary>
/// Pairs, by correlation id, the moment the data handler publishes a NEW_TICK batch with the moments the events it
/// causes reach a stage (INDICATORS_READY published, EXECUTE_TRADE handled...). Every event a batch causes inherits
/// the batch's correlation id, so a stage reached with id X was caused by batch X: the batch whose first tick closed
/// the bar. Timestamps are <see cref="System.Diagnostics.Stopwatch"/> ticks; the earliest per id and stage counts
/// (a NEW_TICK is published once per subscriber, each reported when its delivery ends). Thread-safe: Orleans reports from many threads.
/// </summary>
public sealed class PipelineLatencyRecorder
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Stage, string Correlation), long> _reached = new();

    /// <summary>The stages measured, in pipeline order; each is a row of the report.</summary>
    public static IReadOnlyList<string> Stages { get; } = [EventTypes.IndicatorsReady, EventTypes.SynergyDetected, EventTypes.ExecuteTrade];

    public int TickBatches => _ticks.Count;

    private readonly ConcurrentQueue<long> _tickHandled = new();

    /// <summary>A live tick's arrival at the handler to its publish returning (every handler it caused has finished).</summary>
    public void TickHandled(long elapsed) => _tickHandled.Enqueue(elapsed);

    /// <summary>The arrival-to-publish-returned latencies of every live tick (Stopwatch ticks).</summary>
    public long[] TickHandledLatencies => [.. _tickHandled];

    public void TickPublished(string correlationId, long timestamp) => _ticks.AddOrUpdate(correlationId, timestamp, (_, seen) => Math.Min(seen, timestamp));

    public void Reached(string stage, string correlationId, long timestamp) => _reached.AddOrUpdate((stage, correlationId), timestamp, (_, seen) => Math.Min(seen, timestamp));

    /// <summary>
    /// The latencies (Stopwatch ticks) of one stage: one per correlation id that reached it and whose NEW_TICK was
    /// seen. A stage reached without a NEW_TICK (an EXECUTE_TRADE of the end-of-backtest flattening has none) is left out.
    /// </summary>
    public long[] Latencies(string stage) =>
        _reached.Where(r => r.Key.Stage == stage && _ticks.ContainsKey(r.Key.Correlation))
            .Select(r => r.Value - _ticks[r.Key.Correlation])
            .ToArray();
}
