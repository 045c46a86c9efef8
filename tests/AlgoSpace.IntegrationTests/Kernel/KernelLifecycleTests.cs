using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.TestComponents;

namespace AlgoSpace.Tests.Kernel;

/// <summary>The kernel on a real Orleans cluster: startup order, routing, completion, failures and the shutdown sequence.</summary>
public sealed class KernelLifecycleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // Not (2, "stream"): the memory stream provider rebalances its queues when the second silo joins, which is
    // while this short backtest runs, and it can then delay or lose an event (a known limit of memory streams,
    // see docs/architecture.md); broadcast is the transport for multi-silo clusters.
    [Theory]
    [InlineData(1, "broadcast")]
    [InlineData(2, "broadcast")]
    [InlineData(1, "stream")]
    public async Task A_backtest_delivers_every_event_in_order_and_stops_cleanly_when_data_ends(int silos, string transport)
    {
        await using var system = await TestSystem.StartAsync(KernelYaml.System(sourceParameters: "count: \"200\"", transport: transport), silos);

        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);

        Assert.Equal(SystemState.Stopped, status.State);
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        var received = (await system.Component("recorder").QueryAsync("received")).Split(',');
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"TEST_NUMBER:{i}"), received);
        Assert.Equal(
            [SystemState.Initializing, SystemState.Starting, SystemState.Running, SystemState.Stopping, SystemState.Stopped],
            status.Transitions.Select(t => t.To));
    }

    [Fact]
    public async Task Components_are_created_in_dependency_order_and_the_data_source_starts_last()
    {
        var yaml = KernelYaml.System(sourceParameters: "count: \"1\", complete: \"false\"")
            .Replace("    type: test_recorder\n", "    type: test_recorder\n    depends_on: [execution]\n", StringComparison.Ordinal);
        await using var system = await TestSystem.StartAsync(yaml);

        var status = await system.WaitForAsync(Timeout, SystemState.Running);

        // recorder is listed first but depends on execution; the source is a data handler, so it starts last.
        Assert.Equal(["execution", "recorder", "source"], status.ActivationOrder);
        Assert.All(status.Components, c => Assert.Equal(ComponentState.Running, c.State));
    }

    [Fact]
    public async Task A_non_critical_component_that_fails_to_start_degrades_the_system_which_keeps_running()
    {
        await using var system = await TestSystem.StartAsync(KernelYaml.System(recorderParameters: "fail_start: \"true\"", sourceParameters: "count: \"20\""));

        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);

        Assert.Contains(status.Transitions, t => t.To == SystemState.Degraded && t.Cause.Contains("recorder", StringComparison.Ordinal));
        var recorder = Assert.Single(status.Components, c => c.Name == "recorder");
        Assert.Equal(ComponentState.Failed, recorder.State);
        Assert.Contains("told to fail", recorder.Reason, StringComparison.Ordinal);
        Assert.Equal(SystemState.Stopped, status.State);
        Assert.Equal(20, (await system.Component("execution").QueryAsync("log")).Split('|').Count(e => e.StartsWith("TEST_NUMBER", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_running_component_that_reports_itself_degraded_is_marked_so_and_keeps_receiving()
    {
        await using var system = await TestSystem.StartAsync(KernelYaml.System(
            recorderParameters: "degrade_at: \"5\"", sourceParameters: "count: \"1000000\", delay_ms: \"2\", complete: \"false\""));
        await system.WaitForAsync(Timeout, SystemState.Running);

        var deadline = DateTime.UtcNow + Timeout;
        KernelStatus status;
        while ((status = await system.Kernel.GetStatusAsync()).Components.Single(c => c.Name == "recorder").State != ComponentState.Degraded)
        {
            Assert.True(DateTime.UtcNow < deadline, "the recorder was never marked Degraded");
            await Task.Delay(20);
        }

        Assert.Equal("degraded at 5", status.Components.Single(c => c.Name == "recorder").Reason);
        var handled = (await system.Component("recorder").GetCountersAsync()).Handled;
        while ((await system.Component("recorder").GetCountersAsync()).Handled <= handled)
        {
            Assert.True(DateTime.UtcNow < deadline, "the degraded recorder stopped receiving");
            await Task.Delay(20);
        }

        // The report came straight to the kernel, not over the bus: the shutdown's flush still balances.
        await system.Kernel.RequestShutdownAsync(StopReason.Requested, "test");
        var stopped = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);
        Assert.Equal(SystemState.Stopped, stopped.State);
        Assert.Equal(ExitCodes.Success, stopped.ExitCode);
    }

    [Fact]
    public async Task A_critical_component_that_fails_to_start_stops_the_silo_from_starting()
    {
        var yaml = KernelYaml.System(recorderParameters: "fail_start: \"true\"", recorderCritical: true);
        var root = Directory.CreateTempSubdirectory("algospace-kernel-").FullName;
        var cluster = TestSystem.Build(TestSystem.LoadSettings(yaml, root), 1);
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());
            Assert.Contains("critical component recorder failed to start", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await cluster.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_nothing_is_lost()
    {
        await using var system = await TestSystem.StartAsync(KernelYaml.System(recorderParameters: "transient_failures: \"5\"", sourceParameters: "count: \"30\""));

        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);

        Assert.Equal(SystemState.Stopped, status.State);
        var recorder = system.Component("recorder");
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"TEST_NUMBER:{i}"), (await recorder.QueryAsync("received")).Split(','));
        Assert.Equal("35", await recorder.QueryAsync("attempts"));
        Assert.Equal(0, (await recorder.GetCountersAsync()).Failed);
    }

    /// <summary>
    /// Live: positions are protected. A backtest interrupted before its end keeps its simulated book (it resumes from
    /// its last checkpoint). Neither writes a checkpoint: the pipeline may not be quiescent.
    /// </summary>
    [Theory]
    [InlineData("live")]
    [InlineData("backtest")]
    public async Task A_fatal_error_runs_the_emergency_shutdown_with_position_protection_in_live_mode(string mode)
    {
        var journal = Guid.NewGuid().ToString("N");
        await using var system = await TestSystem.StartAsync(KernelYaml.System(
            recorderParameters: $"fatal_at: \"7\", journal: \"{journal}\"", sourceParameters: $"count: \"1000\", delay_ms: \"1\", journal: \"{journal}\"", journal: journal, mode: mode));

        await system.WaitForAsync(Timeout, SystemState.Faulted);
        // Faulted is the emergency path's first step; its last is "stopped".
        await system.WaitForStepAsync("emergency shutdown", "stopped", Timeout);
        var status = await system.Kernel.GetStatusAsync();

        Assert.Equal(ExitCodes.EmergencyShutdown, status.ExitCode);
        Assert.Contains("fatal error in recorder: fatal at 7", status.Transitions.Last().Cause, StringComparison.Ordinal);
        var entries = TestJournal.Read(journal).ToList();
        Assert.Equal(mode == "live", entries.Contains("execution:protect-flatten"));
        Assert.DoesNotContain(entries, e => e.EndsWith(":save", StringComparison.Ordinal));
        var published = int.Parse(await system.Component("source").QueryAsync("next"));
        Assert.True(published < 1000, "the emergency path stopped the data source");
    }

    [Theory]
    [InlineData("live")]
    [InlineData("backtest")]
    public async Task Stopping_the_silo_runs_the_shutdown_sequence_in_the_documented_order(string mode)
    {
        var journal = Guid.NewGuid().ToString("N");
        var system = await TestSystem.StartAsync(KernelYaml.System(
            sourceParameters: $"count: \"100000\", delay_ms: \"1\", journal: \"{journal}\"", recorderParameters: $"journal: \"{journal}\"", journal: journal, mode: mode));
        try
        {
            await system.WaitForAsync(Timeout, SystemState.Running);
            await system.WaitForAnswerAsync("source", "next", next => int.Parse(next) > 10, Timeout);
            await system.Cluster.StopAllSilosAsync();
        }
        finally
        {
            await system.DisposeAsync();
        }

        // Shutdown: 1 stop data, 2-3 cancel orders and flatten (configured; live, or a backtest that reached its end),
        // 4 flush, 5 a checkpoint of every component (written in parallel), then stop components, data first.
        var entries = TestJournal.Read(journal).Where(e => !e.EndsWith(":run", StringComparison.Ordinal)).ToList();
        var protect = mode == "live" ? new[] { "execution:protect-flatten" } : [];
        Assert.Equal(protect, entries.Take(protect.Length));
        Assert.Equal(["execution:save", "recorder:save", "source:save"], entries.Skip(protect.Length).Take(3).Order());
        Assert.Equal(["source:stop", "execution:stop", "recorder:stop"], entries.Skip(protect.Length + 3));
    }
}
