using System.Collections.Concurrent;
using System.Diagnostics;

namespace AlgoSpace.Benchmarks.Components;

/// <summary>
/// Where the benchmark's sink records each hop (arrival − send, in Stopwatch ticks), keyed by a run name the
/// components get as a parameter. A static registry is fine here: the benchmark's silo runs in this process, and
/// a grain call to report each arrival would add a hop to the hop being measured.
/// </summary>
public sealed class HopRecorder
{
    private static readonly ConcurrentDictionary<string, HopRecorder> Runs = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly long[] _latencies;
    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _measure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _arrived;
    private long _waitingFor;
    private TaskCompletionSource? _waiter;

    private HopRecorder(int warmup, int count, bool keepLatencies)
    {
        Warmup = warmup;
        Count = count;
        // Allocated up front, so that recording adds nothing to the heap being measured.
        _latencies = keepLatencies ? new long[count] : [];
    }

    public int Warmup { get; }
    public int Count { get; }
    public long Total => Warmup + Count;

    /// <summary>Stopwatch time the source sent the first measured event.</summary>
    public long MeasuredStart { get; private set; }

    /// <summary>Stopwatch time the last measured event arrived.</summary>
    public long MeasuredEnd { get; private set; }

    public ReadOnlySpan<long> Latencies => _latencies;

    /// <summary>Completes when the warm-up events have arrived; the source then waits for <see cref="BeginMeasuring"/>.</summary>
    public Task WarmedUp => _warmedUp.Task;

    public Task Completed => _completed.Task;

    public static HopRecorder Create(string run, int warmup, int count, bool keepLatencies = true)
    {
        var recorder = new HopRecorder(warmup, count, keepLatencies);
        Runs[run] = recorder;
        return recorder;
    }

    public static HopRecorder For(string run) =>
        Runs.TryGetValue(run, out var recorder) ? recorder : throw new InvalidOperationException($"No benchmark run '{run}' is recording.");

    public static void Remove(string run) => Runs.TryRemove(run, out _);

    /// <summary>Lets the source go on past the warm-up (the heap benchmark takes its first snapshot in between).</summary>
    public void BeginMeasuring() => _measure.TrySetResult();

    /// <summary>Called by the source between warm-up and measured events.</summary>
    public async Task WaitToMeasureAsync()
    {
        _warmedUp.TrySetResult();
        await _measure.Task;
        MeasuredStart = Stopwatch.GetTimestamp();
    }

    /// <summary>Called by the sink for each event: seq is the source's sequence number (1-based), sent its send time.</summary>
    public void Arrived(long seq, long sent)
    {
        var now = Stopwatch.GetTimestamp();
        TaskCompletionSource? release = null;
        lock (_gate)
        {
            _arrived++;
            var index = seq - Warmup - 1;
            if (index >= 0 && index < _latencies.Length) _latencies[index] = now - sent;
            if (seq == Total) MeasuredEnd = now;
            if (_waiter is not null && _arrived >= _waitingFor)
            {
                release = _waiter;
                _waiter = null;
            }
        }

        release?.TrySetResult();
        if (seq == Total) _completed.TrySetResult();
    }

    /// <summary>
    /// Lets the source publish one event at a time on any transport: an acknowledged send has already arrived
    /// (no wait, no allocation); a stream send has only been queued, so the source waits for its arrival.
    /// </summary>
    public ValueTask WaitForArrivalAsync(long seq)
    {
        lock (_gate)
        {
            if (_arrived >= seq) return ValueTask.CompletedTask;
            _waitingFor = seq;
            _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return new ValueTask(_waiter.Task);
        }
    }
}
