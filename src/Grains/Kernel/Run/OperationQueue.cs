namespace AlgoSpace.Grains.Kernel.Run;

/// <summary>
/// Serialises the kernel's operations (startup, shutdown, mode switch, checkpoint, a switched backtest's end): each
/// begins when the one before it has ended, so no two ever interleave their steps. The emergency path is not queued:
/// it <see cref="Close"/>s the queue and cancels the operation under way at its next step. Not thread-safe by
/// design: a grain calls it from its own turns only, one at a time.
/// </summary>
public sealed class OperationQueue
{
    private readonly CancellationTokenSource _closed = new();
    private Task _tail = Task.CompletedTask;
    private int _pending;

    /// <summary>The operation running now; null when the queue is idle.</summary>
    public string? Current { get; private set; }

    /// <summary>Whether an operation is running or waiting.</summary>
    public bool IsBusy => _pending > 0;

    /// <summary>Whether the emergency path has taken over: queued operations are dropped and running ones stop.</summary>
    public bool IsClosed => _closed.IsCancellationRequested;

    /// <summary>Cancelled when the queue closes: operations pass it to their steps.</summary>
    public CancellationToken Closing => _closed.Token;

    /// <summary>
    /// Queues <paramref name="operation"/>; <paramref name="schedule"/> runs it as a flow of its own (the grain uses a
    /// one-shot timer; plain code may run it inline). The task ends when the operation has ended (or was dropped).
    /// </summary>
    public Task Enqueue(string name, Func<CancellationToken, Task> operation, Func<Func<Task>, Task>? schedule = null)
    {
        var previous = _tail;
        _pending++;
        async Task RunAfterPrevious()
        {
            try
            {
                await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);
                if (IsClosed) return;
                Current = name;
                await operation(_closed.Token);
            }
            finally
            {
                Current = null;
                _pending--;
            }
        }

        var run = schedule is null ? RunAfterPrevious() : schedule(RunAfterPrevious);
        _tail = run;
        return run;
    }

    /// <summary>Runs <paramref name="operation"/> now, in the caller's flow, if nothing else is running or waiting; null otherwise.</summary>
    public Task<T>? TryRunNow<T>(string name, Func<CancellationToken, Task<T>> operation)
    {
        if (IsBusy || IsClosed) return null;
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(name, async cancellation =>
        {
            try { result.TrySetResult(await operation(cancellation)); }
            catch (Exception ex) { result.TrySetException(ex); }
        });
        return result.Task;
    }

    /// <summary>The emergency path has begun: nothing queued runs any more, and the operation under way stops at its next step.</summary>
    public void Close() => _closed.Cancel();
}
