using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class IndicatorEngineTests
{
    private static RecordingComponentContext Context(AlgoSpaceSettings? settings = null) =>
        new("indicator_engine", settings ?? new AlgoSpaceSettings(), [New5MinBar, New30MinBar], [IndicatorsReady, SystemError]);

    private static async Task<IndicatorEngine> StartedAsync(RecordingComponentContext context, object? state = null)
    {
        var engine = new IndicatorEngine(context);
        if (state is not null) engine.RestoreState(state);
        await engine.StartAsync(CancellationToken.None);
        return engine;
    }

    private static async Task FeedAsync(IndicatorEngine engine, IEnumerable<(string Type, BarPayload Bar)> events)
    {
        long seq = 0;
        foreach (var (type, bar) in events) await engine.HandleAsync(BarSeries.Envelope(type, bar, ++seq), CancellationToken.None);
    }

    private static List<IndicatorsReadyPayload> Ready(RecordingComponentContext context) =>
        context.RecordingBus.Published.Where(e => e.Type == IndicatorsReady).Select(e => (IndicatorsReadyPayload)e.Payload!).ToList();

    [Fact]
    public async Task Nothing_is_published_before_the_first_30_minute_bar_and_the_boundary_bar_waits_for_it()
    {
        var context = Context();
        var engine = await StartedAsync(context);
        var events = BarSeries.Events(7);   // 5m bars 0…5, the 30m bar 9:00, 5m bar 6

        await FeedAsync(engine, events.Take(6));   // bar 5 closes at 9:30, a 30-minute boundary
        Assert.Empty(context.RecordingBus.Published);
        Assert.Equal("true", engine.Query("waiting_for_30m"));

        await FeedAsync(engine, events.Skip(6).Take(1));   // NEW_30MIN_BAR 9:00–9:30
        var first = Assert.Single(Ready(context));
        Assert.Equal((5L, IndicatorsReadyPayload.Trigger30m), (first.Seq, first.Trigger));
        Assert.Equal((BarSeries.Start.AddMinutes(30), BarSeries.Start.AddMinutes(25), BarSeries.Start),
            (first.Timestamp, first.BarStart5m, first.BarStart30m));
        Assert.Equal(BarSeries.Start.AddMinutes(30), context.RecordingBus.Published[0].SimTime);
        Assert.Equal("false", engine.Query("waiting_for_30m"));

        await FeedAsync(engine, events.Skip(7));   // 5m bar 6, inside the next bucket
        var second = Ready(context)[1];
        Assert.Equal((6L, IndicatorsReadyPayload.Trigger5m, BarSeries.Start), (second.Seq, second.Trigger, second.BarStart30m));
        Assert.Equal(BarSeries.Start.AddMinutes(35), context.RecordingBus.Published[1].SimTime);
    }

    [Fact]
    public async Task Exactly_one_event_is_published_per_5_minute_bar_with_consecutive_seqs()
    {
        var context = Context();
        var engine = await StartedAsync(context);

        await FeedAsync(engine, BarSeries.Events(120));

        // Bars 0…4 precede the first 30m bar; bars 5…119 are published once each.
        var ready = Ready(context);
        Assert.Equal(Enumerable.Range(5, 115).Select(i => (long)i), ready.Select(p => p.Seq));
        Assert.All(ready, p => Assert.Equal(p.Seq % 6 == 5 ? "30m" : "5m", p.Trigger));
        Assert.All(ready, p => Assert.Equal(BarSeries.Start.AddMinutes(5 * (p.Seq + 1)), p.Timestamp));
        Assert.All(ready, p => Assert.Equal(0.25, p.Derived.Spread));
        Assert.DoesNotContain(context.RecordingLogger.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task A_boundary_bar_whose_30_minute_bar_never_comes_is_published_as_5m_with_a_warning()
    {
        var context = Context();
        var engine = await StartedAsync(context);
        var events = BarSeries.Events(18);
        // Keep the first 30m bar, drop the second (after 5m bar 11).
        var secondThirty = events.Where(e => e.Type == New30MinBar).ElementAt(1);
        events.Remove(secondThirty);

        await FeedAsync(engine, events);

        var ready = Ready(context);
        Assert.Equal(Enumerable.Range(5, 13).Select(i => (long)i), ready.Select(p => p.Seq));
        Assert.Equal("5m", ready.Single(p => p.Seq == 11).Trigger);
        Assert.Contains(context.RecordingLogger.Entries, e => e.EventId == 420 && e.Message.Contains("no 30m bar closed with it"));
    }

    [Fact]
    public async Task Features_carry_the_defaults_until_the_indicators_are_ready()
    {
        var context = Context();
        var engine = await StartedAsync(context);

        await FeedAsync(engine, BarSeries.Events(6 * 45));

        var ready = Ready(context);
        var first = ready[0];
        Assert.Equal(new IndicatorReadiness(false, false, false, false), first.Ready);
        Assert.Equal((50.0, 50.0, 0), (first.Features30m.MlmiValue, first.Features30m.MlmiMa, first.Features30m.MlmiSignal));
        Assert.Equal((0.0, 0.0, 0), (first.Features30m.NwrqkValue, first.Features30m.NwrqkSlope, first.Features30m.NwrqkSignal));
        // NW-RQK is ready from the 26th 30m bar on, which closes with 5m bar 6·26 − 1 = 155.
        Assert.False(ready.Single(p => p.Seq == 149).Ready.Nwrqk);
        Assert.True(ready.Single(p => p.Seq == 155).Ready.Nwrqk);
        Assert.NotEqual(0, ready.Single(p => p.Seq == 155).Features30m.NwrqkValue);
        // ATR needs 14 30m bars: 0 until then.
        Assert.Equal(0, ready.Single(p => p.Seq == 6 * 13 - 1).Derived.Atr14);
        Assert.True(ready.Single(p => p.Seq == 6 * 14 - 1).Derived.Atr14 > 0);
    }

    [Fact]
    public async Task A_restored_engine_continues_exactly_like_one_that_never_stopped()
    {
        var events = BarSeries.Events(6 * 80);
        // Split right after a boundary 5m bar, so the snapshot holds a bar waiting for its 30m bar.
        var split = events.FindIndex(e => e.Type == New5MinBar && e.Bar.Timestamp == BarSeries.Start.AddMinutes(5 * (6 * 60 - 1)));

        var straight = Context();
        await FeedAsync(await StartedAsync(straight), events);

        var before = Context();
        var first = await StartedAsync(before);
        await FeedAsync(first, events.Take(split + 1));
        Assert.Equal("true", first.Query("waiting_for_30m"));
        var snapshot = OrleansRoundTrip.Copy(first.SaveState()!);
        var after = Context();
        await FeedAsync(await StartedAsync(after, snapshot), events.Skip(split + 1));

        var expected = Ready(straight).Where(p => p.Seq >= 6 * 60 - 1).ToList();
        var resumed = Ready(after);
        Assert.Equal(expected.Count, resumed.Count);
        Assert.Contains(resumed, p => p.Ready.Mlmi && p.Ready.Nwrqk);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(Comparable(expected[i]), Comparable(resumed[i]));
    }

    /// <summary>The payload with its MMD list turned into a string, so that record equality compares values.</summary>
    private static (IndicatorsReadyPayload, string) Comparable(IndicatorsReadyPayload p) =>
        (p with { Features30m = p.Features30m with { MmdFeatures = [] } }, string.Join(",", p.Features30m.MmdFeatures));

    [Fact]
    public async Task A_non_finite_value_is_replaced_by_the_previous_one_with_a_warning()
    {
        var context = Context();
        var engine = await StartedAsync(context);
        // 5m bar 6·30 − 1 (the last of the 30th 30m bar) closes at 1e308: the HA close (O+H+L+C)/4 overflows to ∞.
        var huge = 6 * 30 - 1;
        await FeedAsync(engine, BarSeries.Events(6 * 30, i => i == huge ? BarSeries.FiveMinute(i, close: 1e308) with { High = 1e308 } : BarSeries.FiveMinute(i)));

        var ready = Ready(context);
        var previous = ready.Single(p => p.Seq == huge - 6).Features30m;
        var poisoned = ready.Single(p => p.Seq == huge).Features30m;
        Assert.True(double.IsFinite(poisoned.NwrqkValue));
        Assert.Equal(previous.NwrqkValue, poisoned.NwrqkValue);
        Assert.Contains(context.RecordingLogger.Entries, e => e.EventId == 420 && e.Message.Contains("nwrqk_value was"));
    }

    [Fact]
    public async Task A_bar_with_a_non_finite_price_is_reported_and_not_used()
    {
        var context = Context();
        var engine = await StartedAsync(context);
        var bad = BarSeries.FiveMinute(0) with { Close = double.NaN };

        await engine.HandleAsync(BarSeries.Envelope(New5MinBar, bad, 1), CancellationToken.None);

        var error = Assert.Single(context.RecordingBus.Published);
        Assert.Equal(SystemError, error.Type);
        Assert.Contains("non-finite price", ((SystemErrorPayload)error.Payload!).Message);
        Assert.Equal("0", engine.Query("bars_5m"));
    }

    [Fact]
    public async Task A_bar_event_without_a_bar_is_reported()
    {
        var context = Context();
        var engine = await StartedAsync(context);

        await engine.HandleAsync(new EventEnvelope(New30MinBar, 1, BarSeries.Start, "bar_generator", "c", null), CancellationToken.None);

        var error = Assert.Single(context.RecordingBus.Published);
        Assert.Equal(("BadPayload", false), (((SystemErrorPayload)error.Payload!).ErrorType, ((SystemErrorPayload)error.Payload!).Critical));
    }

    [Fact]
    public async Task A_repeated_bar_is_ignored_with_a_warning()
    {
        var context = Context();
        var engine = await StartedAsync(context);
        var bar = BarSeries.FiveMinute(0);

        await engine.HandleAsync(BarSeries.Envelope(New5MinBar, bar, 1), CancellationToken.None);
        await engine.HandleAsync(BarSeries.Envelope(New5MinBar, bar, 1), CancellationToken.None);

        Assert.Equal("1", engine.Query("bars_5m"));
        Assert.Contains(context.RecordingLogger.Entries, e => e.EventId == 420 && e.Message.Contains("duplicate"));
    }
}
