using AlgoSpace.Grains.Components.Bars;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using Microsoft.Extensions.Logging;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Tests.Components.Bars;

public sealed class BarGeneratorTests
{
    private static readonly DateTime Day = new(2024, 1, 2);

    private static RecordingComponentContext Context(int maxGapFillBars = BarsSettings.DefaultMaxGapFillBars, string[]? publishes = null) =>
        new("bar_generator", new AlgoSpaceSettings { Bars = new BarsSettings { MaxGapFillBars = maxGapFillBars } },
            [NewTick, BacktestComplete], publishes ?? [New5MinBar, New30MinBar, SystemError]);

    private static EventEnvelope Tick(long seq, int hour, int minute, double price) =>
        new(NewTick, seq, Day.AddHours(hour).AddMinutes(minute), "data_handler", $"data_handler:{seq}",
            new TickPayload("ES", Day.AddHours(hour).AddMinutes(minute), price, 1, null, null));

    private static async Task<BarGenerator> StartedAsync(RecordingComponentContext context)
    {
        var generator = new BarGenerator(context);
        await generator.StartAsync(CancellationToken.None);
        return generator;
    }

    [Fact]
    public async Task Bars_are_published_as_5_and_30_minute_events_at_their_close_time()
    {
        var context = Context();
        var generator = await StartedAsync(context);

        await generator.HandleAsync(Tick(1, 10, 29, 100), CancellationToken.None);
        await generator.HandleAsync(Tick(2, 10, 30, 101), CancellationToken.None);

        var published = context.RecordingBus.Published;
        Assert.Equal([(New5MinBar, Day.AddHours(10).AddMinutes(30)), (New30MinBar, Day.AddHours(10).AddMinutes(30))],
            published.Select(e => (e.Type, e.SimTime)));
        Assert.Equal([(5, Day.AddHours(10).AddMinutes(25)), (30, Day.AddHours(10))],
            published.Select(e => (((BarPayload)e.Payload!).Timeframe, ((BarPayload)e.Payload!).Timestamp)));
    }

    [Fact]
    public async Task Backtest_complete_flushes_the_working_bars()
    {
        var context = Context();
        var generator = await StartedAsync(context);
        await generator.HandleAsync(Tick(1, 10, 31, 100), CancellationToken.None);
        Assert.Empty(context.RecordingBus.Published);

        await generator.HandleAsync(new EventEnvelope(BacktestComplete, 2, Day.AddHours(10).AddMinutes(31), "data_handler", "c",
            new BacktestCompletePayload(1, 0, 1)), CancellationToken.None);

        Assert.Equal([New5MinBar, New30MinBar], context.RecordingBus.Published.Select(e => e.Type));
        Assert.All(context.RecordingBus.Published, e => Assert.Equal(100, ((BarPayload)e.Payload!).Close));
    }

    [Fact]
    public async Task A_skipped_gap_is_logged_as_a_warning()
    {
        var context = Context(maxGapFillBars: 2);
        var generator = await StartedAsync(context);
        await generator.HandleAsync(Tick(1, 10, 31, 100), CancellationToken.None);

        await generator.HandleAsync(Tick(2, 11, 31, 100), CancellationToken.None);

        Assert.Contains(context.RecordingLogger.Entries, e => e.Level == LogLevel.Warning && e.EventId == 413 && e.Message.Contains("11 bars", StringComparison.Ordinal));
        Assert.DoesNotContain(context.RecordingBus.Published, e => ((BarPayload)e.Payload!).IsSynthetic && e.Type == New5MinBar);
    }

    [Fact]
    public async Task A_tick_event_without_a_tick_is_reported_as_a_non_critical_system_error()
    {
        var context = Context();
        var generator = await StartedAsync(context);

        await generator.HandleAsync(new EventEnvelope(NewTick, 1, Day, "data_handler", "c", new ShutdownRequestPayload("x")), CancellationToken.None);

        var error = (SystemErrorPayload)Assert.Single(context.RecordingBus.Published).Payload!;
        Assert.False(error.Critical);
        Assert.Equal("bar_generator", error.Component);
    }

    [Fact]
    public async Task State_restored_before_initialisation_like_the_host_does_continues_the_bars()
    {
        var first = Context();
        var original = await StartedAsync(first);
        await original.HandleAsync(Tick(1, 10, 31, 100), CancellationToken.None);
        await original.HandleAsync(Tick(2, 10, 33, 104), CancellationToken.None);
        var snapshot = OrleansRoundTrip.Copy(original.SaveState()!);

        var second = Context();
        var restored = new BarGenerator(second);
        restored.RestoreState(snapshot);
        await restored.HandleAsync(Tick(3, 10, 36, 102), CancellationToken.None);

        var bar = (BarPayload)Assert.Single(second.RecordingBus.Published).Payload!;
        Assert.Equal((100, 104, 100, 104, 2), (bar.Open, bar.High, bar.Low, bar.Close, bar.TickCount));
    }
}
