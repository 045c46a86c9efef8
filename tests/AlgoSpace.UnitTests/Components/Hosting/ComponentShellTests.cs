using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using static AlgoSpace.Tests.Components.Hosting.ShellHarness;

namespace AlgoSpace.Tests.Components.Hosting;

/// <summary>The one component shell both hosts use: building, deduplication, retry, error classification, counters, checkpoints.</summary>
public sealed class ComponentShellTests
{
    [Fact]
    public async Task The_component_is_built_whole_then_restored_then_started()
    {
        var h = new ShellHarness();
        var result = h.Create(new HostCheckpoint { Epoch = 3, Snapshot = new ShellProbeState(["a", "b"]) });
        await h.Probe.StartAsync(CancellationToken.None);

        Assert.Equal((ComponentState.Initialized, true), (result.State, result.RestoredState));
        Assert.Equal(["built", "restored 2", "started"], h.Probe.Steps);
        // The component publishes on its host's bus, behind the shell's publish timing (PublishTimingBus).
        await h.Probe.Given.Bus.PublishAsync("PROBE_REPLY", null, default);
        Assert.Equal("PROBE_REPLY", Assert.Single(h.Bus.Published).Type);
    }

    [Fact]
    public async Task An_event_is_handled_once_per_source_and_seq_and_a_restored_piece_remembers_what_was_handled()
    {
        var h = new ShellHarness();
        h.Create(new HostCheckpoint { Epoch = 1, LastHandled = new() { ["source"] = 2 } });

        Assert.False(await h.Shell.HandleAsync(Event(2)));
        Assert.True(await h.Shell.HandleAsync(Event(3)));
        Assert.False(await h.Shell.HandleAsync(Event(3)));
        Assert.True(await h.Shell.HandleAsync(Event(1, source: "other")));

        Assert.Equal(["built", "3@source:3", "1@other:1"], h.Probe.Steps);
        var counters = h.Shell.Counters(sent: 7, publishedByType: null);
        Assert.Equal((4L, 0L, 2L, 7L), (counters.Handled, counters.Failed, counters.Duplicates, counters.Sent));
        Assert.Equal(new Dictionary<string, long> { ["source"] = 1, ["other"] = 1 }, counters.HandledBySource);
        Assert.Equal(new Dictionary<string, long> { ["PROBE"] = 2 }, counters.HandledByType);
    }

    [Fact]
    public async Task Publishes_inherit_the_correlation_of_the_event_being_handled_and_it_is_put_back_after()
    {
        var h = new ShellHarness();
        h.Create();
        h.Bus.CurrentCorrelation = "outer";

        await h.Shell.HandleAsync(Event(1));

        Assert.Equal([("PROBE_REPLY", "source:1")], h.Bus.Published);
        Assert.Equal("outer", h.Bus.CurrentCorrelation);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_then_handled_without_a_report()
    {
        var h = new ShellHarness(new() { ["transient_failures"] = "1" });
        h.Create();

        await h.Shell.HandleAsync(Event(1));

        Assert.Equal(["built", "1@source:1"], h.Probe.Steps);
        Assert.Empty(h.Errors);
        Assert.Equal(0, h.Shell.Failed);
        Assert.Contains(h.Logger.Entries, e => e.EventId == 301);
    }

    [Fact]
    public async Task A_transient_failure_past_the_retries_is_a_non_critical_error_and_the_event_counts_as_handled()
    {
        var h = new ShellHarness(new() { ["transient_failures"] = "1" }, retries: 0);
        h.Create();

        await h.Shell.HandleAsync(Event(1));

        var error = Assert.Single(h.Errors);
        Assert.Equal(("probe", nameof(TransientComponentException), false), (error.Component, error.ErrorType, error.Critical));
        Assert.Equal((1L, 1L), (h.Shell.Handled, h.Shell.Failed));
        Assert.False(await h.Shell.HandleAsync(Event(1)));
    }

    [Fact]
    public async Task A_fatal_failure_is_a_critical_error()
    {
        var h = new ShellHarness(new() { ["fatal_at"] = "2" });
        h.Create();

        await h.Shell.HandleAsync(Event(1));
        await h.Shell.HandleAsync(Event(2));

        var error = Assert.Single(h.Errors);
        Assert.Equal(("fatal", "fatal at 2", true), (error.ErrorType, error.Message, error.Critical));
    }

    [Fact]
    public async Task A_source_failure_is_critical_when_the_source_is()
    {
        var h = new ShellHarness();
        h.Create();

        await h.Shell.RunSourceAsync(new FailingSource(), CancellationToken.None);

        var error = Assert.Single(h.Errors);
        Assert.Equal((nameof(InvalidOperationException), false), (error.ErrorType, error.Critical));
    }

    [Fact]
    public async Task Before_the_component_is_built_an_event_is_counted_as_failed_not_dropped()
    {
        var h = new ShellHarness(new() { ["fail_build"] = "true" });

        Assert.Throws<InvalidOperationException>(() => h.Create());
        Assert.False(await h.Shell.HandleAsync(Event(1)));

        Assert.Null(h.Shell.Component);
        Assert.Equal((1L, 1L), (h.Shell.Handled, h.Shell.Failed));
        Assert.Contains(h.Logger.Entries, e => e.EventId == 303);
    }

    [Fact]
    public void Degraded_while_built_goes_into_the_init_result_and_later_to_the_host()
    {
        var h = new ShellHarness(new() { ["degrade"] = "no data yet" });

        var result = h.Create();
        h.Probe.Given.ReportDegraded("later");

        Assert.Equal((ComponentState.Degraded, "no data yet"), (result.State, result.Reason));
        Assert.Equal(["later"], h.Degraded);
    }

    [Fact]
    public void A_model_that_is_not_there_degrades_the_component_and_says_why()
    {
        var h = new ShellHarness(models: ["m"]);

        var result = h.Create();

        Assert.Equal((ComponentState.Degraded, "model 'm' unavailable: no registry here"), (result.State, result.Reason));
        var assignment = Assert.Single(result.Models);
        Assert.Equal(("m", false, "no registry here"), (assignment.Name, assignment.Available, assignment.Reason));
        Assert.Empty(h.Probe.Given.Models);
    }

    [Fact]
    public async Task The_checkpoint_piece_holds_the_snapshot_the_bus_seq_and_the_last_handled_per_source()
    {
        var h = new ShellHarness();
        h.Create();
        await h.Shell.HandleAsync(Event(4));
        await h.Shell.HandleAsync(Event(2, source: "other"));

        var piece = h.Shell.Checkpoint(epoch: 5, simTime: new DateTime(2024, 1, 2), lastSeq: 9);

        Assert.Equal((5L, 9L), (piece.Epoch, piece.LastSeq));
        Assert.Equal(new Dictionary<string, long> { ["source"] = 4, ["other"] = 2 }, piece.LastHandled);
        Assert.Equal(["built", "4@source:4", "2@other:2"], Assert.IsType<ShellProbeState>(piece.Snapshot).Steps);
    }

    private sealed class FailingSource : ISourceComponent
    {
        public Task RunAsync(CancellationToken cancellation) => throw new InvalidOperationException("the feed broke");

        public ValueTask StartAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask StopAsync(CancellationToken cancellation) => ValueTask.CompletedTask;

        public object? SaveState() => null;

        public void RestoreState(object state)
        {
        }
    }
}
