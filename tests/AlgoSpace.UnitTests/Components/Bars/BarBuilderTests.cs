using AlgoSpace.Grains.Components.Bars;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Bars;

public sealed class BarBuilderTests
{
    private static readonly DateTime Day = new(2024, 1, 2);

    private static TickPayload Tick(int hour, int minute, int second, double price, long volume = 1) =>
        new("ES", Day.Add(new TimeSpan(hour, minute, second)), price, volume, null, null);

    private static DateTime At(int hour, int minute) => Day.Add(new TimeSpan(hour, minute, 0));

    [Fact]
    public void Ticks_in_one_bucket_make_one_bar_with_open_high_low_close_volume_and_tick_count()
    {
        var builder = new BarBuilder([5], 100_000);
        Assert.Empty(builder.OnTick(Tick(10, 30, 0, 100, 1)).Bars);
        Assert.Empty(builder.OnTick(Tick(10, 31, 0, 102, 2)).Bars);
        Assert.Empty(builder.OnTick(Tick(10, 32, 0, 99, 0)).Bars);
        Assert.Empty(builder.OnTick(Tick(10, 34, 59, 101, -5)).Bars);

        var bars = builder.OnTick(Tick(10, 35, 0, 103, 4)).Bars;

        // Volumes 1 + 2 + 0 + 0 (the -5 counts as 0); four ticks, the last two included.
        Assert.Equal([new BarPayload("ES", At(10, 30), 100, 102, 99, 101, 3, 5, 4, false)], bars);
    }

    [Fact]
    public void A_gap_is_filled_with_synthetic_bars_at_the_last_close_for_each_bucket_strictly_between()
    {
        var builder = new BarBuilder([5], 100_000);
        builder.OnTick(Tick(10, 31, 0, 100, 7));
        builder.OnTick(Tick(10, 33, 0, 101, 3));

        var bars = builder.OnTick(Tick(10, 47, 0, 104)).Bars;

        Assert.Equal(
        [
            new BarPayload("ES", At(10, 30), 100, 101, 100, 101, 10, 5, 2, false),
            new BarPayload("ES", At(10, 35), 101, 101, 101, 101, 0, 5, 0, true),
            new BarPayload("ES", At(10, 40), 101, 101, 101, 101, 0, 5, 0, true),
        ], bars);
        // The 10:45 bucket is the new working bar, not a synthetic one.
        Assert.Equal(At(10, 45), Assert.Single(builder.Flush()).Timestamp);
        Assert.Equal(2, builder.Counters.SyntheticBarsEmitted);
    }

    [Fact]
    public void A_gap_longer_than_max_gap_fill_bars_is_reported_and_not_filled_and_one_as_long_is_filled()
    {
        var limited = new BarBuilder([5], 1);
        limited.OnTick(Tick(10, 31, 0, 100));

        var oneMissing = limited.OnTick(Tick(10, 41, 0, 101));
        Assert.Equal([false, true], oneMissing.Bars.Select(b => b.IsSynthetic));
        Assert.Empty(oneMissing.SkippedGaps);

        var twoMissing = limited.OnTick(Tick(10, 56, 0, 102));
        Assert.Equal([At(10, 40)], twoMissing.Bars.Select(b => b.Timestamp));
        Assert.Equal(new SkippedGap("ES", 5, At(10, 40), At(10, 55), 2), Assert.Single(twoMissing.SkippedGaps));
        Assert.Equal(1, limited.Counters.GapsSkipped);

        // The bar after the skipped gap opens normally.
        Assert.Equal(At(10, 55), Assert.Single(limited.Flush()).Timestamp);
    }

    /// <summary>
    /// A tick years after the last one (a confirmed jump, or a file of two periods) must not become millions of bars:
    /// the gap is counted exactly (in constant time) and left unfilled, so the tick's handling stays short.
    /// </summary>
    [Fact]
    public void A_gap_of_years_is_counted_at_once_and_skipped_leaving_no_synthetic_bars()
    {
        var builder = new BarBuilder([5, 30], AlgoSpace.Grains.Interfaces.Configuration.BarsSettings.DefaultMaxGapFillBars);
        builder.OnTick(Tick(10, 31, 0, 100));

        var later = builder.OnTick(Tick(10, 31, 0, 100) with { Timestamp = Day.AddYears(20).AddHours(10).AddMinutes(31) });

        Assert.Equal([false, false], later.Bars.Select(b => b.IsSynthetic));
        Assert.Equal([5, 30], later.SkippedGaps.Select(g => g.Timeframe));
        // 20 years from 2024-01-02 is 7,305 days: 288 five-minute and 48 thirty-minute buckets a day, less the one at each end.
        Assert.Equal([(7305L * 288) - 1, (7305L * 48) - 1], later.SkippedGaps.Select(g => g.MissingBars));
        Assert.Equal(0, builder.Counters.SyntheticBarsEmitted);
    }

    [Fact]
    public void A_limit_below_one_is_refused_because_gap_filling_must_be_bounded() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarBuilder([5], 0));

    [Fact]
    public void Bars_come_out_by_close_time_and_the_5m_bar_before_the_30m_bar_at_an_equal_close()
    {
        // Timeframes given out of order on purpose.
        var builder = new BarBuilder([30, 5], 100_000);
        builder.OnTick(Tick(10, 57, 0, 100));

        var bars = builder.OnTick(Tick(11, 47, 0, 110)).Bars;

        Assert.Equal(
        [
            (5, At(10, 55)), (30, At(10, 30)),
            (5, At(11, 0)), (5, At(11, 5)), (5, At(11, 10)), (5, At(11, 15)), (5, At(11, 20)), (5, At(11, 25)), (30, At(11, 0)),
            (5, At(11, 30)), (5, At(11, 35)), (5, At(11, 40)),
        ], bars.Select(b => (b.Timeframe, b.Timestamp)));
        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.CloseTime <= p.Second.CloseTime));
    }

    [Fact]
    public void A_tick_older_than_the_last_is_rejected_counted_and_leaves_the_bars_unchanged()
    {
        var builder = new BarBuilder([5, 30], 100_000);
        builder.OnTick(Tick(10, 36, 0, 100));

        Assert.Equal(BarTickOutcome.RejectedPast, builder.OnTick(Tick(10, 33, 0, 90)).Outcome);
        Assert.Equal(BarTickOutcome.RejectedPast, builder.OnTick(Tick(10, 35, 59, 90)).Outcome);
        // An equal timestamp is not in the past.
        Assert.Equal(BarTickOutcome.Accepted, builder.OnTick(Tick(10, 36, 0, 101)).Outcome);

        Assert.Equal(2, builder.Counters.TicksRejectedPast);
        Assert.All(builder.Flush(), b => Assert.Equal((100, 101, 100, 101, 2), (b.Open, b.High, b.Low, b.Close, b.TickCount)));
    }

    [Fact]
    public void A_tick_in_the_bucket_of_a_flushed_bar_is_rejected()
    {
        var builder = new BarBuilder([5], 100_000);
        builder.OnTick(Tick(10, 36, 0, 100));
        builder.Flush();
        Assert.Equal(BarTickOutcome.RejectedPast, builder.OnTick(Tick(10, 37, 0, 100)).Outcome);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_tick_with_a_negative_zero_or_non_finite_price_is_skipped(double price)
    {
        var builder = new BarBuilder([5], 100_000);
        builder.OnTick(Tick(10, 31, 0, 100));

        Assert.Equal(BarTickOutcome.SkippedBadPrice, builder.OnTick(Tick(10, 32, 0, price)).Outcome);

        var bar = Assert.Single(builder.Flush());
        Assert.Equal((100, 100, 1), (bar.Low, bar.Close, bar.TickCount));
        Assert.Equal(1, builder.Counters.TicksSkippedBadPrice);
    }

    [Fact]
    public void Flush_emits_the_working_bars_in_emit_order_and_then_has_nothing_left()
    {
        var builder = new BarBuilder([5, 30], 100_000);
        builder.OnTick(Tick(10, 31, 0, 100, 2));
        builder.OnTick(Tick(10, 37, 0, 105, 3));

        var flushed = builder.Flush();

        // The 10:35 5m bar closes at 10:40, before the 10:30 30m bar (11:00).
        Assert.Equal(
        [
            new BarPayload("ES", At(10, 35), 105, 105, 105, 105, 3, 5, 1, false),
            new BarPayload("ES", At(10, 30), 100, 105, 100, 105, 5, 30, 2, false),
        ], flushed);
        Assert.Empty(builder.Flush());
    }

    [Fact]
    public void Each_symbol_has_its_own_bars()
    {
        var builder = new BarBuilder([5], 100_000);
        builder.OnTick(Tick(10, 31, 0, 100));
        builder.OnTick(new TickPayload("NQ", At(10, 32), 17000, 1, null, null));

        var bars = builder.OnTick(Tick(10, 36, 0, 101)).Bars;

        Assert.Equal(("ES", 100.0), (Assert.Single(bars).Symbol, bars[0].Close));
        Assert.Equal(["ES", "NQ"], builder.Flush().Select(b => b.Symbol).Order());
    }

    [Fact]
    public void A_restored_builder_continues_exactly_like_the_one_that_was_saved()
    {
        TickPayload[] first = [Tick(10, 31, 0, 100, 2), Tick(10, 33, 0, 98, 1), Tick(10, 44, 0, 103, 5)];
        TickPayload[] second = [Tick(10, 46, 0, 104, 1), Tick(11, 12, 0, 99, 2), Tick(11, 31, 0, 101, 1)];
        var original = new BarBuilder([5, 30], 100_000);
        foreach (var tick in first) original.OnTick(tick);

        var restored = new BarBuilder([5, 30], 100_000);
        restored.RestoreState((BarBuilderState)OrleansRoundTrip.Copy(original.SaveState()));

        var expected = second.SelectMany(t => original.OnTick(t).Bars).Concat(original.Flush()).ToList();
        var actual = second.SelectMany(t => restored.OnTick(t).Bars).Concat(restored.Flush()).ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(actual, b => b.IsSynthetic);
        Assert.Equal(original.Counters, restored.Counters);
    }
}
