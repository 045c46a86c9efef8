using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Tests.Components.Data;

public sealed class TickSourceTests
{
    private static readonly DateTime Nine30 = new(2024, 1, 2, 9, 30, 0);

    [Fact]
    public void A_tick_file_gives_its_ticks_in_order_with_bid_and_ask_when_present()
    {
        using var file = TempDataFile.WithText("""
            timestamp,price,volume,bid,ask
            2024-01-02T09:30:00.000,4750.25,3,4750.00,4750.25
            2024-01-02T09:30:00.250,4750.50,1,,
            """);
        var run = TickSourceRun.Of(file.Path);
        Assert.Equal(
            [new MarketTick(Nine30, 4750.25, 3, 4750.00, 4750.25), new MarketTick(Nine30.AddMilliseconds(250), 4750.50, 1)],
            run.Plain);
        Assert.Equal([2L, 3L], run.Ticks.Select(t => t.Line));
        Assert.Empty(run.Issues);
        Assert.Equal((2L, 2L, 0L), (run.Source.Rows, run.Source.Accepted, run.Source.Issues.RejectedCount));
    }

    [Fact]
    public void A_byte_order_mark_CRLF_line_ends_and_header_case_are_no_obstacle()
    {
        using var file = TempDataFile.WithText("\uFEFFTimeStamp,LAST,Vol\r\n2024-01-02 09:30:00,4750.25,3\r\n2024-01-02 09:30:01,4750.5,2\r\n");
        var run = TickSourceRun.Of(file.Path);
        Assert.Equal([new MarketTick(Nine30, 4750.25, 3), new MarketTick(Nine30.AddSeconds(1), 4750.5, 2)], run.Plain);
        Assert.Empty(run.Issues);
    }

    [Fact]
    public void Both_day_first_date_styles_mixed_in_one_bar_file_are_read_in_order()
    {
        // The real 30-minute files: day > 12 written dd/mm/yyyy HH:MM:SS, day <= 12 written d/m/yyyy H:MM.
        using var file = TempDataFile.WithText("""
            Timestamp,Open,High,Llow,Close,Volume
            30/06/2020 23:30:00,100,101,99,100,4
            1/7/2020 0:00,100,101,99,100,4
            1/7/2020 0:30,100,101,99,100,4
            13/07/2020 01:00:00,100,101,99,100,4
            """);
        // Both styles in both directions need more than the default week between 1 and 13 July (no row comes
        // between to confirm the jump), so this test allows 30 days: it is about dates, not about gaps.
        var run = TickSourceRun.Of(file.Path, maxTimeJump: TimeSpan.FromDays(30));
        Assert.Empty(run.Issues);
        Assert.Equal(
            [new DateTime(2020, 6, 30, 23, 30, 0), new DateTime(2020, 7, 1, 0, 0, 0), new DateTime(2020, 7, 1, 0, 30, 0), new DateTime(2020, 7, 13, 1, 0, 0)],
            run.Ticks.Where(t => t.Part == 0).Select(t => t.Tick.Timestamp));
    }

    [Fact]
    public void Each_bar_becomes_four_ticks_open_low_high_close_when_it_rose_and_volume_splits_with_the_remainder_on_the_close()
    {
        // Hand-worked: 30-minute bars (inferred from the gap). Bar 1 rose (C 102 >= O 100): O, L, H, C; volume
        // 10 = 2 + 2 + 2 + (2 + 2). Bar 2 fell (C 99 < O 101): O, H, L, C; volume 7 = 1 + 1 + 1 + (1 + 3).
        // Ticks at +0, +7:30, +15:00, +22:30.
        using var file = TempDataFile.WithText("""
            timestamp,open,high,low,close,volume
            2024-01-02 10:00:00,100,103,99,102,10
            2024-01-02 10:30:00,101,104,98,99,7
            """);
        var run = TickSourceRun.Of(file.Path);
        var t0 = new DateTime(2024, 1, 2, 10, 0, 0);
        var t1 = t0.AddMinutes(30);
        Assert.Equal(
        [
            new MarketTick(t0, 100, 2), new MarketTick(t0.AddMinutes(7.5), 99, 2), new MarketTick(t0.AddMinutes(15), 103, 2), new MarketTick(t0.AddMinutes(22.5), 102, 4),
            new MarketTick(t1, 101, 1), new MarketTick(t1.AddMinutes(7.5), 104, 1), new MarketTick(t1.AddMinutes(15), 98, 1), new MarketTick(t1.AddMinutes(22.5), 99, 4),
        ], run.Plain);
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3], run.Ticks.Select(t => t.Part));
        Assert.Equal([2L, 2, 2, 2, 3, 3, 3, 3], run.Ticks.Select(t => t.Line));
        Assert.Equal(TimeSpan.FromMinutes(30), run.Source.File.BarDuration);
    }

    [Fact]
    public void A_bar_that_closes_at_its_open_counts_as_rising()
    {
        using var file = TempDataFile.WithText("timestamp,open,high,low,close,volume\n2024-01-02 10:00,100,101,99,100,3\n2024-01-02 10:05,100,100,100,100,0\n");
        var run = TickSourceRun.Of(file.Path);
        Assert.Equal([100.0, 99, 101, 100], run.Plain.Take(4).Select(t => t.Price));
        Assert.Equal([0L, 0, 0, 3], run.Plain.Take(4).Select(t => t.Volume));
        Assert.Equal(new DateTime(2024, 1, 2, 10, 3, 45), run.Plain[3].Timestamp);
    }

    [Fact]
    public void The_bar_duration_is_the_most_common_gap_so_session_breaks_do_not_stretch_bars()
    {
        using var file = TempDataFile.WithText("""
            Date,Time,Open,High,Low,Close,Volume
            2024-01-01,09:30:00,100,101,99,100,4
            2024-01-01,09:35:00,100,101,99,100,4
            2024-01-01,09:40:00,100,101,99,100,4
            2024-01-02,09:30:00,100,101,99,100,4
            """);
        var run = TickSourceRun.Of(file.Path);
        Assert.Equal(TimeSpan.FromMinutes(5), run.Source.File.BarDuration);
        Assert.Equal(new DateTime(2024, 1, 2, 9, 33, 45), run.Plain[^1].Timestamp);
    }

    [Fact]
    public void Rows_outside_the_backtesting_dates_are_skipped_and_counted_with_both_ends_inclusive()
    {
        using var file = TempDataFile.WithText("""
            timestamp,price,volume
            2024-01-01T23:59:59.999,100,1
            2024-01-02T00:00:00.000,100,1
            2024-01-02T12:00:00.000,100,1
            2024-01-03T23:59:59.999,100,1
            2024-01-04T00:00:00.000,100,1
            """);
        var run = TickSourceRun.Of(file.Path, from: new DateOnly(2024, 1, 2), until: new DateOnly(2024, 1, 3));
        Assert.Equal([3L, 4, 5], run.Ticks.Select(t => t.Line));
        Assert.Equal((5L, 2L, 3L), (run.Source.Rows, run.Source.OutOfRange, run.Source.Accepted));
        Assert.Empty(run.Issues);
    }

    [Fact]
    public void Every_unusable_row_is_reported_with_its_line_number_and_reason_and_the_rest_are_kept()
    {
        using var file = TempDataFile.WithText(
            "timestamp,price,volume\n" +               // 1
            "2024-01-02T09:30:00,100,1\n" +            // 2 ok
            "2024-01-02T09:30:01,100\n" +              // 3 field count
            "02-01-2024 09:30,100,1\n" +               // 4 timestamp
            "2024-01-02T09:30:02,abc,1\n" +            // 5 price not a number
            "2024-01-02T09:30:03,100,1.5\n" +          // 6 volume not whole
            "\n" +                                     // 7 blank: counted, not a row
            "2024-01-02T09:30:04,0,1\n" +              // 8 price not positive
            "2024-01-02T09:30:05,NaN,1\n" +            // 9 not finite
            "2024-01-02T09:29:00,100,1\n" +            // 10 before last accepted
            "2024-01-02T09:30:06,100,-4\n" +           // 11 volume set to 0 (kept)
            "2024-01-02T09:30:07,120,1\n" +            // 12 outlier
            "2024-01-02T09:30:08,100,2,x\n" +          // 13 field count
            "2024-01-02T09:30:09,100.25,3\n");         // 14 ok
        var run = TickSourceRun.Of(file.Path);
        Assert.Equal([2L, 11, 14], run.Ticks.Select(t => t.Line));
        Assert.Equal(0, run.Plain[1].Volume);
        Assert.Equal(
            [(3L, RowIssueKind.WrongFieldCount), (4, RowIssueKind.BadTimestamp), (5, RowIssueKind.BadNumber), (6, RowIssueKind.BadNumber),
             (8, RowIssueKind.NonPositivePrice), (9, RowIssueKind.NonFinitePrice), (10, RowIssueKind.TimestampBeforeLast),
             (11, RowIssueKind.NegativeVolume), (12, RowIssueKind.PriceOutlier), (13, RowIssueKind.WrongFieldCount)],
            run.Issues.Select(i => (i.Line, i.Kind)));
        Assert.Contains("'abc'", run.Issues[2].Detail);
        Assert.Contains("02-01-2024 09:30", run.Issues[1].Detail);

        var source = run.Source;
        Assert.Equal((12L, 1L, 3L, 9L, 1L), (source.Rows, source.BlankLines, source.Accepted, source.Issues.RejectedCount, source.Issues.WarningCount));
        Assert.Equal(source.Rows, source.Accepted + source.Issues.RejectedCount + source.OutOfRange);
        Assert.Equal(9, source.Issues.Rejections.Count);
    }

    [Fact]
    public void Only_the_first_hundred_rejections_are_kept_as_examples_but_all_are_counted()
    {
        var text = "timestamp,price,volume\n" + string.Concat(Enumerable.Range(0, 250).Select(i => $"2024-01-02T09:30:00,-1,{i}\n"));
        using var file = TempDataFile.WithText(text);
        var run = TickSourceRun.Of(file.Path);
        Assert.Equal(250, run.Source.Issues.RejectedCount);
        Assert.Equal(250, run.Source.Issues.CountOf(RowIssueKind.NonPositivePrice));
        Assert.Equal(RowIssueLog.MaxExamples, run.Source.Issues.Rejections.Count);
        Assert.Equal(2, run.Source.Issues.Rejections[0].Line);
        Assert.Equal(101, run.Source.Issues.Rejections[^1].Line);
    }

    [Fact]
    public void A_bar_whose_prices_contradict_each_other_is_rejected_whole()
    {
        using var file = TempDataFile.WithText("timestamp,open,high,low,close,volume\n2024-01-02 10:00,100,99,98,100,4\n2024-01-02 10:30,100,101,99,100,4\n");
        var run = TickSourceRun.Of(file.Path);
        var issue = Assert.Single(run.Issues);
        Assert.Equal((2L, RowIssueKind.InconsistentBar), (issue.Line, issue.Kind));
        Assert.Equal(4, run.Ticks.Count);
    }

    [Fact]
    public void A_bar_with_a_non_positive_price_is_rejected_whole_and_the_price_is_named()
    {
        using var file = TempDataFile.WithText("timestamp,open,high,low,close,volume\n2024-01-02 10:00,100,101,-1,100,4\n2024-01-02 10:30,100,101,99,100,4\n");
        var run = TickSourceRun.Of(file.Path);
        var issue = Assert.Single(run.Issues);
        Assert.Equal((2L, RowIssueKind.NonPositivePrice), (issue.Line, issue.Kind));
        Assert.Contains("low -1 is not positive", issue.Detail);
        // Only the second bar's four ticks: a bar is accepted or rejected as a whole.
        Assert.Equal([3L, 3L, 3L, 3L], run.Ticks.Select(t => t.Line));
    }

    private const string BarHeader = "timestamp,open,high,low,close,volume\n";

    /// <summary>Three quiet bars at 100 (range 99-101): the median of the closes is 100.</summary>
    private const string QuietBars = "2024-01-02 10:00,100,101,99,100,4\n2024-01-02 10:30,100,101,99,100,4\n2024-01-02 11:00,100,101,99,100,4\n";

    [Fact]
    public void A_fast_bar_whose_high_is_far_from_the_median_but_whose_close_is_not_is_published_whole()
    {
        // High 108 is 8 % above the median close 100 (the per-tick rule rejected such ticks); the close 104 is 4 %: accepted.
        using var file = TempDataFile.WithText(BarHeader + QuietBars + "2024-01-02 11:30,100,108,100,104,8\n");
        var run = TickSourceRun.Of(file.Path);
        Assert.Empty(run.Issues);
        Assert.Equal([100, 100, 108, 104], run.Plain.Skip(12).Select(t => t.Price));
        Assert.Equal(0, run.Source.LevelShifts);
    }

    [Fact]
    public void A_bar_that_jumps_away_from_the_previous_bar_with_its_close_over_5_percent_from_the_median_is_rejected_whole()
    {
        // Close 110 is 10 % from the median 100 and the range 109-111 does not touch the previous bar's 99-101.
        // The next bar, back at 100, is within the rule again.
        using var file = TempDataFile.WithText(BarHeader + QuietBars + "2024-01-02 11:30,110,111,109,110,4\n2024-01-02 12:00,100,101,99,100,4\n");
        var run = TickSourceRun.Of(file.Path);
        var issue = Assert.Single(run.Issues);
        Assert.Equal((5L, RowIssueKind.PriceOutlier), (issue.Line, issue.Kind));
        Assert.Contains("close 110 is 10.0 % from the median 100 of the last 3 accepted bar closes", issue.Detail);
        Assert.Equal(16, run.Ticks.Count);
        Assert.DoesNotContain(run.Ticks, t => t.Line == 5);
    }

    [Fact]
    public void A_bar_that_trades_continuously_from_the_previous_bar_to_a_close_over_5_percent_away_is_a_real_move()
    {
        // Close 106 is 6 % from the median 100, but the range 100.5-107 overlaps the previous bar's 99-101: the
        // price got there by trading, so the bar is kept and the window restarts from 106 (a level shift). The next
        // bar at 106.5 is then 0.5 % from the new median 106.
        using var file = TempDataFile.WithText(BarHeader + QuietBars + "2024-01-02 11:30,101,107,100.5,106,4\n2024-01-02 12:00,106,107,105,106.5,4\n");
        var run = TickSourceRun.Of(file.Path);
        Assert.Empty(run.Issues);
        Assert.Equal(20, run.Ticks.Count);
        Assert.Equal(1, run.Source.LevelShifts);
    }

    [Fact]
    public void A_repeated_bar_start_is_rejected_because_its_ticks_would_go_back_in_time()
    {
        // The first bar's last tick is at 10:22:30 (75 % of 30 minutes); a second bar starting 10:00 is before it.
        using var file = TempDataFile.WithText(BarHeader + "2024-01-02 10:00,100,101,99,100,4\n2024-01-02 10:30,100,101,99,100,4\n2024-01-02 10:30,100,101,99,100,4\n");
        var run = TickSourceRun.Of(file.Path);
        var issue = Assert.Single(run.Issues);
        Assert.Equal((4L, RowIssueKind.TimestampBeforeLast), (issue.Line, issue.Kind));
        Assert.Equal(8, run.Ticks.Count);
    }

    [Fact]
    public void A_source_saved_just_after_a_rejected_bar_resumes_with_the_next_bar()
    {
        using var file = TempDataFile.WithText(BarHeader + QuietBars + "2024-01-02 11:30,110,111,109,110,4\n2024-01-02 12:00,100,101,99,100,4\n");
        TickSourceSnapshot snapshot;
        using (var first = TickSource.Open(file.Path))
        {
            while (first.Read().Status != TickReadStatus.Issue) { }
            snapshot = first.Snapshot();
        }

        using var resumed = TickSource.Open(file.Path);
        Assert.True(resumed.TryResume(snapshot, out _));
        var rest = TickSourceRun.Drain(resumed);
        Assert.Equal([6L, 6L, 6L, 6L], rest.Ticks.Select(t => t.Line));
        Assert.Empty(rest.Issues);
    }

    [Fact]
    public void A_negative_bar_volume_becomes_zero_with_one_warning()
    {
        using var file = TempDataFile.WithText("timestamp,open,high,low,close,volume\n2024-01-02 10:00,100,101,99,100,-8\n");
        var run = TickSourceRun.Of(file.Path);
        Assert.Equal((2L, RowIssueKind.NegativeVolume), (Assert.Single(run.Issues).Line, run.Issues[0].Kind));
        Assert.All(run.Plain, t => Assert.Equal(0, t.Volume));
    }

    [Fact]
    public void A_gzip_file_is_read_like_the_plain_one()
    {
        const string text = "timestamp,price,volume\n2024-01-02T09:30:00.000,4750.25,3\n2024-01-02T09:30:00.001,4750.5,1\n";
        using var plain = TempDataFile.WithText(text);
        using var gzip = TempDataFile.Gzipped(text);
        Assert.Equal(TickSourceRun.Of(plain.Path).Plain, TickSourceRun.Of(gzip.Path).Plain);
        Assert.Equal(2, TickSourceRun.Of(gzip.Path).Ticks.Count);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("\n\n", "only blank lines")]
    [InlineData("timestamp,price,volume\n", "no data rows")]
    [InlineData("timestamp,price,volume\n\n\n", "no data rows")]
    [InlineData("when,what\n2024-01-02,1\n", "not a tick or bar header")]
    public void A_file_that_cannot_be_replayed_at_all_is_refused_when_opened(string text, string reason)
    {
        using var file = TempDataFile.WithText(text);
        var ex = Assert.Throws<DataFileException>(() => TickSource.Open(file.Path));
        Assert.Contains(reason, ex.Message);
        Assert.Contains(file.Path, ex.Message);
    }

    [Fact]
    public void A_missing_file_is_refused_when_opened()
    {
        var ex = Assert.Throws<DataFileException>(() => TickSource.Open("/nonexistent/ticks.csv"));
        Assert.Contains("does not exist", ex.Message);
        Assert.Contains("not set", Assert.Throws<DataFileException>(() => TickSource.Open(null)).Message);
    }

    [Fact]
    public void The_requested_format_is_honoured()
    {
        using var file = TempDataFile.WithText("timestamp,price,volume\n2024-01-02T09:30:00,1,1\n");
        Assert.Throws<DataFileException>(() => TickSource.Open(file.Path, DataFileFormat.Bar));
        Assert.Single(TickSourceRun.Of(file.Path, DataFileFormat.Tick).Ticks);
    }

    [Fact]
    public void A_resumed_source_continues_exactly_where_the_snapshot_was_taken_even_inside_a_bar()
    {
        using var file = TempDataFile.WithText("""
            timestamp,open,high,low,close,volume
            2024-01-02 10:00,100,101,99,100,4
            oops
            2024-01-02 10:30,100,102,99,101,5
            2024-01-02 11:00,101,102,100,100,6
            """);
        var full = TickSourceRun.Of(file.Path);
        for (var cut = 0; cut <= full.Ticks.Count; cut++)
        {
            using var first = TickSource.Open(file.Path);
            var before = new List<SourcedTick>();
            while (before.Count < cut && first.Read() is { Status: not TickReadStatus.End } read)
            {
                if (read.Status == TickReadStatus.Tick) before.Add(read.Tick);
            }

            var snapshot = first.Snapshot();
            using var second = TickSource.Open(file.Path);
            Assert.True(second.TryResume(snapshot, out _));
            var after = TickSourceRun.Drain(second);
            Assert.Equal(full.Ticks, before.Concat(after.Ticks));
            Assert.Equal((full.Source.Rows, full.Source.Accepted, full.Source.Issues.RejectedCount), (second.Rows, second.Accepted, second.Issues.RejectedCount));
        }
    }

    [Fact]
    public void A_snapshot_of_another_file_is_not_applied()
    {
        using var one = TempDataFile.WithText("timestamp,price,volume\n2024-01-02T09:30:00,1,1\n");
        using var two = TempDataFile.WithText("timestamp,price,volume\n2024-01-02T09:30:00,1,1\n");
        using var first = TickSource.Open(one.Path);
        first.Read();
        using var second = TickSource.Open(two.Path);
        Assert.False(second.TryResume(first.Snapshot(), out var reason));
        Assert.Contains(one.Path, reason);
        Assert.Single(TickSourceRun.Drain(second).Ticks);
    }
}
