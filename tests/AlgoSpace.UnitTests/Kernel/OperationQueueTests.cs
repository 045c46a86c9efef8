using AlgoSpace.Grains.Kernel.Run;

namespace AlgoSpace.Tests.Kernel;

public sealed class OperationQueueTests
{
    [Fact]
    public async Task Operations_run_one_at_a_time_in_the_order_they_were_queued()
    {
        var queue = new OperationQueue();
        var log = new List<string>();
        var firstMayEnd = new TaskCompletionSource();
        var first = queue.Enqueue("first", async _ =>
        {
            log.Add("first begins");
            await firstMayEnd.Task;
            log.Add("first ends");
        });
        var second = queue.Enqueue("second", _ =>
        {
            log.Add("second begins");
            return Task.CompletedTask;
        });

        Assert.Equal("first", queue.Current);
        Assert.False(second.IsCompleted);
        firstMayEnd.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(["first begins", "first ends", "second begins"], log);
        Assert.False(queue.IsBusy);
    }

    [Fact]
    public async Task Try_run_now_refuses_while_an_operation_runs_or_waits()
    {
        var queue = new OperationQueue();
        var running = new TaskCompletionSource();
        var shutdown = queue.Enqueue("shutdown", _ => running.Task);

        Assert.Null(queue.TryRunNow("checkpoint", _ => Task.FromResult(1)));
        running.SetResult();
        await shutdown;

        var checkpoint = queue.TryRunNow("checkpoint", _ => Task.FromResult(42));
        Assert.NotNull(checkpoint);
        Assert.Equal(42, await checkpoint);
    }

    [Fact]
    public async Task Closing_cancels_the_running_operation_and_drops_what_waits()
    {
        var queue = new OperationQueue();
        var sawCancellation = new TaskCompletionSource<bool>();
        var running = queue.Enqueue("switch", async cancellation =>
        {
            await Task.Delay(Timeout.Infinite, cancellation).ContinueWith(_ => { });
            sawCancellation.SetResult(cancellation.IsCancellationRequested);
        });
        var ranAfterClose = false;
        var waiting = queue.Enqueue("shutdown", _ =>
        {
            ranAfterClose = true;
            return Task.CompletedTask;
        });

        queue.Close();
        await Task.WhenAll(running, waiting);

        Assert.True(await sawCancellation.Task);
        Assert.False(ranAfterClose);
        Assert.True(queue.IsClosed);
        Assert.Null(queue.TryRunNow("checkpoint", _ => Task.FromResult(0)));
    }
}
