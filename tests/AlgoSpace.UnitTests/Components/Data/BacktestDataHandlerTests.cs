using System.Diagnostics;
using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Components.Data;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData.Files;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>The backtest data handler end to end, without Orleans: the bus is the boundary.</summary>
public sealed class BacktestDataHandlerTests
{
    private const string TickFile = """
        timestamp,price,volume
        2024-01-02T09:30:00.000,4750.25,3
        2024-01-02T09:30:00.000,4750.50,1
        not,a,row
        2024-01-02T09:30:01.500,4750.25,2
        2024-01-02T09:30:02.000,4751.00,5
        2024-01-02T09:30:03.000,4750.75,1
        """;

    private const string BarFile = """
        timestamp,open,high,low,close,volume
        2024-01-02 10:00:00,100,103,99,102,10
        2024-01-02 10:30:00,102,104,98,99,7
        2024-01-02 11:00:00,99,100,97,98,9
        bad,row,here,with,six,fields
        2024-01-02 11:30:00,98,101,98,100,13
        """;

    [Fact]
    public async Task It_publishes_each_accepted_tick_in_order_then_backtest_complete_with_the_counts()
    {
        using var file = TempDataFile.WithText(TickFile);
        var harness = new DataHandlerHarness(file.Path);
        await harness.RunAsync();

        var published = harness.Bus.Published;
        Assert.Equal([EventTypes.NewTick, EventTypes.NewTick, EventTypes.NewTick, EventTypes.NewTick, EventTypes.NewTick, EventTypes.BacktestComplete],
            published.Select(e => e.Type));
        var ticks = harness.Bus.Ticks.ToList();
        Assert.Equal(new TickPayload("ES", new DateTime(2024, 1, 2, 9, 30, 0), 4750.25, 3, null, null), ticks[0]);
        Assert.Equal([4750.25, 4750.50, 4750.25, 4751.00, 4750.75], ticks.Select(t => t.Price));
        Assert.All(published.Take(5), e => Assert.Equal(((TickPayload)e.Payload!).Timestamp, e.SimTime));
        Assert.All(published.Zip(published.Skip(1)), pair => Assert.True(pair.Second.SimTime >= pair.First.SimTime));
        Assert.Equal(new BacktestCompletePayload(TotalRows: 6, ErrorCount: 1, SuccessCount: 5), harness.Complete());
        Assert.Equal(ticks[^1].Timestamp, published[^1].SimTime);
    }

    [Fact]
    public async Task The_rejected_rows_are_logged_with_their_line_numbers_and_summarised_by_reason()
    {
        using var file = TempDataFile.WithText(TickFile);
        var harness = new DataHandlerHarness(file.Path);
        await harness.RunAsync();

        var messages = harness.Logger.Messages.ToList();
        Assert.Contains(messages, m => m.Contains($"{file.Path}:4: rejected (BadTimestamp)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("1 BadTimestamp (rejected)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("rejected line 4 (BadTimestamp)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("6 rows, 5 ticks published, 1 rejected", StringComparison.Ordinal));
        Assert.Contains("line 4: BadTimestamp", harness.Handler.Query("rejections"));
    }

    [Fact]
    public async Task Progress_is_logged_every_log_every_ticks()
    {
        using var file = TempDataFile.WithText(TickFile);
        var harness = new DataHandlerHarness(file.Path, s => new DataHandlerSettings { BacktestFile = s.BacktestFile, LogEvery = 2 });
        await harness.RunAsync();
        Assert.Equal(2, harness.Logger.Messages.Count(m => m.Contains("ticks published, sim time", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Bars_are_published_as_their_four_ticks_each()
    {
        using var file = TempDataFile.WithText(BarFile);
        var harness = new DataHandlerHarness(file.Path);
        await harness.RunAsync();
        var ticks = harness.Bus.Ticks.ToList();
        Assert.Equal(16, ticks.Count);
        Assert.Equal([100.0, 99, 103, 102], ticks.Take(4).Select(t => t.Price));
        Assert.Equal(10 + 7 + 9 + 13, ticks.Sum(t => t.Volume));
        Assert.Equal(new BacktestCompletePayload(5, 1, 16), harness.Complete());
    }

    [Fact]
    public async Task Only_the_backtesting_dates_are_replayed()
    {
        using var file = TempDataFile.WithText("timestamp,price,volume\n2024-01-01T10:00:00,100,1\n2024-01-02T10:00:00,100,1\n2024-01-03T10:00:00,100,1\n");
        var harness = new DataHandlerHarness(file.Path, backtesting: new BacktestingSettings { StartDate = new DateOnly(2024, 1, 2), EndDate = new DateOnly(2024, 1, 2) });
        await harness.RunAsync();
        Assert.Equal([new DateTime(2024, 1, 2, 10, 0, 0)], harness.Bus.Ticks.Select(t => t.Timestamp));
        Assert.Equal(new BacktestCompletePayload(3, 0, 1), harness.Complete());
    }

    [Fact]
    public async Task With_rejected_rows_fatal_the_first_rejected_row_stops_the_run_naming_its_line()
    {
        using var file = TempDataFile.WithText(TickFile);
        var harness = new DataHandlerHarness(file.Path, s => new DataHandlerSettings { BacktestFile = s.BacktestFile, RejectedRowsFatal = true });
        var ex = await Assert.ThrowsAsync<FatalComponentException>(() => harness.RunAsync());
        Assert.Contains("line 4", ex.Message);
        Assert.Contains(file.Path, ex.Message);
        Assert.Equal(2, harness.Bus.Published.Count);
    }

    [Theory]
    [InlineData(null, "", "not set")]
    [InlineData("missing.csv", null, "does not exist")]
    [InlineData("empty.csv", "", "is empty")]
    [InlineData("header.csv", "timestamp,price,volume\n", "no data rows")]
    [InlineData("other.csv", "name,score\nann,3\n", "not a tick or bar header")]
    public void A_file_that_cannot_be_replayed_fails_initialisation_with_a_clear_message(string? name, string? text, string reason)
    {
        using var folder = TempDataFile.Empty();
        var path = name is null ? null : Path.Combine(Path.GetDirectoryName(folder.Path)!, name);
        if (path is not null && text is not null) File.WriteAllText(path, text);
        var harness = new DataHandlerHarness(path!);
        var ex = Assert.Throws<DataFileException>(harness.Build);
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public async Task A_restart_from_state_saved_mid_bar_resumes_after_the_last_published_tick_without_duplicates()
    {
        using var file = TempDataFile.WithText(BarFile);
        var unbroken = new DataHandlerHarness(file.Path);
        await unbroken.RunAsync();

        for (var stopAfter = 1; stopAfter <= 16; stopAfter++)
        {
            // The host saves while a publish is in flight, then stops the source; the saved state goes through
            // the Orleans serializer as grain state does.
            var first = new DataHandlerHarness(file.Path);
            using var stop = new CancellationTokenSource();
            object? saved = null;
            first.Bus.OnPublish = e =>
            {
                if (e.Type == EventTypes.NewTick && e.Seq == stopAfter)
                {
                    saved = first.Handler.SaveState();
                    stop.Cancel();
                }
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunAsync(stop.Token));

            var second = new DataHandlerHarness(file.Path);
            second.Handler.RestoreState(RoundTrip(saved!));
            await second.RunAsync();

            Assert.Equal(unbroken.Bus.Ticks, first.Bus.Ticks.Concat(second.Bus.Ticks));
            Assert.Equal(unbroken.Complete(), second.Complete());
            Assert.Contains(second.Logger.Messages, m => m.Contains("resumes", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_restart_after_the_end_does_not_replay_or_complete_again()
    {
        using var file = TempDataFile.WithText(TickFile);
        var first = new DataHandlerHarness(file.Path);
        await first.RunAsync();
        var second = new DataHandlerHarness(file.Path);
        second.Handler.RestoreState(RoundTrip(first.Handler.SaveState()!));
        await second.RunAsync();
        Assert.Empty(second.Bus.Published);
    }

    [Fact]
    public async Task State_saved_for_another_file_is_ignored_and_the_file_is_replayed_from_its_start()
    {
        using var bars = TempDataFile.WithText(BarFile);
        using var ticks = TempDataFile.WithText(TickFile);
        var first = new DataHandlerHarness(bars.Path);
        await first.RunAsync();
        var second = new DataHandlerHarness(ticks.Path);
        second.Handler.RestoreState(first.Handler.SaveState()!);
        await second.RunAsync();
        Assert.Equal(5, second.Bus.Ticks.Count());
        Assert.Equal(new BacktestCompletePayload(6, 1, 5), second.Complete());
        Assert.Contains(second.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("starts its file over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancellation_stops_the_run_at_once_without_completing()
    {
        using var file = TempDataFile.Empty();
        File.WriteAllText(file.Path, "timestamp,price,volume\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"2024-01-02T09:30:00,{4750 + i % 4 * 0.25},1\n")));
        var harness = new DataHandlerHarness(file.Path);
        using var stop = new CancellationTokenSource();
        harness.Bus.OnPublish = e =>
        {
            if (e.Seq == 10) stop.Cancel();
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.RunAsync(stop.Token));
        Assert.Equal(10, harness.Bus.Published.Count);
        Assert.DoesNotContain(harness.Bus.Published, e => e.Type == EventTypes.BacktestComplete);
    }

    [Fact]
    public async Task Replay_speed_spaces_ticks_by_their_time_gap_divided_by_the_speed()
    {
        // Ticks one simulated second apart at speed 10: 100 ms apart on the wall clock; four ticks take >= 300 ms.
        using var file = TempDataFile.WithText("timestamp,price,volume\n2024-01-02T09:30:00,100,1\n2024-01-02T09:30:01,100,1\n2024-01-02T09:30:02,100,1\n2024-01-02T09:30:03,100,1\n");
        var harness = new DataHandlerHarness(file.Path, s => new DataHandlerSettings { BacktestFile = s.BacktestFile, ReplaySpeed = 10 });
        var wall = new List<long>();
        harness.Bus.OnPublish = _ => wall.Add(Stopwatch.GetTimestamp());
        await harness.RunAsync();
        var total = Stopwatch.GetElapsedTime(wall[0], wall[3]);
        Assert.InRange(total, TimeSpan.FromMilliseconds(290), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Cancellation_cuts_a_paced_wait_short()
    {
        // An hour between ticks at speed 1: without the cancellation the second tick would wait an hour.
        using var file = TempDataFile.WithText("timestamp,price,volume\n2024-01-02T09:30:00,100,1\n2024-01-02T10:30:00,100,1\n2024-01-02T11:30:00,100,1\n");
        var harness = new DataHandlerHarness(file.Path, s => new DataHandlerSettings { BacktestFile = s.BacktestFile, ReplaySpeed = 1 });
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = Stopwatch.GetTimestamp();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.RunAsync(stop.Token));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));

        // The tick taken from the file before the wait is still published, so a save would not skip it.
        Assert.Equal(2, harness.Bus.Ticks.Count());
    }

    [Fact]
    public void The_component_registry_builds_this_implementation_from_its_context()
    {
        using var file = TempDataFile.WithText(TickFile);
        var registry = new ComponentRegistry([typeof(BacktestDataHandler).Assembly]);

        Assert.True(registry.IsImplemented("backtest_data_handler"));
        Assert.IsType<BacktestDataHandler>(registry.Create("backtest_data_handler", new DataHandlerHarness(file.Path).Context));
    }

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(BacktestDataHandlerState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    /// <summary>Grain state is stored as object; it must come back whole through the Orleans serializer.</summary>
    private static object RoundTrip(object state)
    {
        var copy = Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(state));
        Assert.IsType<BacktestDataHandlerState>(copy);
        return copy;
    }
}
