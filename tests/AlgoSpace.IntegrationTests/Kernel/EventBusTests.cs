using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Tests.Kernel;

/// <summary>The event bus on a real cluster: flush, back-pressure, run-time subscriptions and cycles.</summary>
public sealed class EventBusTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("broadcast")]
    [InlineData("stream")]
    public async Task Flush_returns_only_when_every_published_event_has_been_handled(string transport)
    {
        await using var system = await TestSystem.StartAsync(KernelYaml.System(
            sourceParameters: "count: \"40\", complete: \"false\"", recorderParameters: "slow_ms: \"15\"", transport: transport));
        await system.WaitForAsync(Timeout, SystemState.Running);
        // Stopped part way: some events published, the slow recorder behind.
        await system.WaitForAnswerAsync("source", "next", next => int.Parse(next) > 5, Timeout);

        await system.Kernel.StopDataAsync();
        var flush = await system.Kernel.FlushAsync(TimeSpan.FromSeconds(20));

        Assert.True(flush.Completed);
        Assert.Equal(flush.Sent, flush.Handled);
        var published = int.Parse(await system.Component("source").QueryAsync("next")) - 1;
        var received = (await system.Component("recorder").QueryAsync("received")).Split(',', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(published, received.Length);
        Assert.True(published > 0);
    }

    [Fact]
    public async Task Flush_reports_failure_when_the_bus_does_not_drain_in_time()
    {
        await using var system = await TestSystem.StartAsync(KernelYaml.System(
            sourceParameters: "count: \"1000\", complete: \"false\"", recorderParameters: "slow_ms: \"200\"", transport: "stream"));
        await system.WaitForAsync(Timeout, SystemState.Running);
        await system.WaitForAnswerAsync("source", "next", next => int.Parse(next) > 5, Timeout);

        var flush = await system.Kernel.FlushAsync(TimeSpan.FromMilliseconds(100));

        Assert.False(flush.Completed);
        Assert.True(flush.Sent > flush.Handled);
    }

    [Fact]
    public async Task A_slow_consumer_slows_its_producer_instead_of_queueing_without_bound()
    {
        const int maxQueue = 5;
        await using var system = await TestSystem.StartAsync(KernelYaml.System(
            sourceParameters: "count: \"150\", complete: \"false\"", recorderParameters: "slow_ms: \"5\"",
            executionSubscribes: "[]", transport: "stream", maxQueue: maxQueue));
        await system.WaitForAsync(Timeout, SystemState.Running);

        var maxOutstanding = 0L;
        for (var i = 0; i < 60; i++)
        {
            // Producer first: the consumer's count can only have grown by the time it is read.
            var sent = (await system.Component("source").GetCountersAsync()).Sent;
            var handled = (await system.Component("recorder").GetCountersAsync()).Handled;
            maxOutstanding = Math.Max(maxOutstanding, sent - handled);
            await Task.Delay(10);
        }

        Assert.InRange(maxOutstanding, 1, maxQueue);
    }

    [Fact]
    public async Task Components_subscribe_and_unsubscribe_at_run_time()
    {
        var yaml = KernelYaml.System(
            sourceParameters: "count: \"20\"", executionPublishes: "[TEST_ECHO]", recorderSubscribes: "[TEST_NUMBER, TEST_ECHO]")
            .Replace("components:\n", """
                components:
                  - name: late
                    type: test_recorder
                    subscribes: [TEST_NUMBER]
                    parameters: { subscribe_echo: "true", unsubscribe_after: "5" }

                """, StringComparison.Ordinal);
        await using var system = await TestSystem.StartAsync(yaml);

        await system.WaitForAsync(Timeout, SystemState.Stopped);

        var late = (await system.Component("late").QueryAsync("received")).Split(',');
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"TEST_NUMBER:{i}"), late.Where(r => r.StartsWith("TEST_NUMBER", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"TEST_ECHO:{i}"), late.Where(r => r.StartsWith("TEST_ECHO", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_publication_cycle_completes_without_deadlock(int silos)
    {
        // execution publishes TEST_ECHO to the recorder, whose handler replies TEST_REPLY to execution while
        // execution is still awaiting its own publish: call-chain reentrancy lets the reply in.
        await using var system = await TestSystem.StartAsync(KernelYaml.System(
            sourceParameters: "count: \"25\"",
            executionPublishes: "[TEST_ECHO]", executionSubscribes: "[TEST_NUMBER, TEST_REPLY]",
            recorderSubscribes: "[TEST_ECHO]", recorderPublishes: "[TEST_REPLY]", recorderParameters: "reply: \"true\""), silos);

        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);

        Assert.Equal(SystemState.Stopped, status.State);
        var log = (await system.Component("execution").QueryAsync("log")).Split('|').Where(e => !e.StartsWith("protect", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 25).SelectMany(i => new[] { $"TEST_NUMBER:{i}", $"TEST_REPLY:{i}" }), log);
    }
}
