namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// Runs a source on a flow of its own (in a grain, an interleaving grain timer, so that the host still answers
/// StopDataAsync and counters while the source awaits its publishes), and lets the host stop it and wait until the
/// run has returned.
/// </summary>
public sealed class SourcePump : IDisposable
{
    private CancellationTokenSource? _stop;
    private TaskCompletionSource? _done;
    private IDisposable? _timer;

    public bool IsStarted => _timer is not null;

    /// <summary>
    /// Starts <paramref name="run"/> through <paramref name="schedule"/>, which runs the callback it is given once, on
    /// the flow the host chooses, and returns what stops that flow.
    /// </summary>
    public void Start(Func<Func<Task>, IDisposable> schedule, Func<CancellationToken, Task> run)
    {
        var stop = new CancellationTokenSource();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        (_stop, _done) = (stop, done);
        _timer = schedule(async () =>
        {
            try
            {
                await run(stop.Token);
            }
            finally
            {
                done.TrySetResult();
            }
        });
    }

    /// <summary>Asks the source to stop and waits until its run has returned.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _done is null) return;
        await _stop.CancelAsync();
        await _done.Task;
    }

    /// <summary>Asks the source to stop without waiting (the kernel's emergency path).</summary>
    public Task HaltAsync() => _stop?.CancelAsync() ?? Task.CompletedTask;

    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
