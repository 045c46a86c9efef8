using System.Globalization;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;
using Xunit.Abstractions;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>
/// The real market data of ../shared/data (outside the project, see its README): every bar of the 30-minute NQ
/// and CL files must parse, in order, with the same count and volume as an independent reading done here with
/// plain string splitting. When the folder is absent (a clone without it) these tests are reported skipped, with
/// the path they looked for.
/// </summary>
public sealed class RealDataFileTests(ITestOutputHelper output)
{
    private static string SharedData(string file) => Data.SharedData.File(file);

    [SkippableTheory]
    [InlineData("NQ-30min-ETH.csv", 56_083)]
    [InlineData("CL-30min-ETH.csv", 59_217)]
    public void Every_bar_of_the_real_30_minute_files_parses_in_order_with_the_independently_counted_bars_and_volume(string file, int bars)
    {
        Data.SharedData.Require(file);
        var expected = ReadIndependently(SharedData(file));
        Assert.Equal(bars, expected.Count);

        // The reader alone (parsing and bar expansion, before tick validation): nothing may be refused.
        var info = DataFileInspector.Inspect(SharedData(file), DataFileFormat.Auto);
        Assert.Equal(TimeSpan.FromMinutes(30), info.BarDuration);
        var issues = new RowIssueLog();
        using var reader = new TickFileReader(info, null, null, issues);
        var starts = new List<DateTime>();
        var volume = 0L;
        var ticks = 0L;
        while (reader.Read() is { Status: not TickReadStatus.End } read)
        {
            Assert.Equal(TickReadStatus.Tick, read.Status);
            ticks++;
            volume += read.Tick.Tick.Volume;
            if (read.Tick.Part == 0) starts.Add(read.Tick.Tick.Timestamp);
        }

        Assert.Equal(0, issues.RejectedCount + issues.WarningCount);
        Assert.Equal(bars, reader.Rows);
        Assert.Equal(4L * bars, ticks);
        Assert.Equal(expected.Select(b => b.Start), starts);
        Assert.Equal(expected.Sum(b => b.Volume), volume);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second} does not follow {pair.First}"));
    }

    /// <summary>
    /// A bar file is validated bar by bar (docs/architecture.md, "Data validation"): the median rule applies to the
    /// close, and a bar whose range overlaps the previous bar's is a real move. The per-tick rule rejected 22 NQ and
    /// 175 CL ticks of real fast bars (a high or low over 5 % from the median of 100 ticks); the close-only rule
    /// without the continuity escape would reject 54 NQ and 378 CL whole bars (the median of 100 closes spans
    /// about two days, and real moves go further). What is left are session opens that gap over 5 % from that
    /// median (CL: 2 Nov 2020, 7 Mar 2022, 10 Oct 2022, 3 Apr 2023, 5 Jun 2023, 12 Jun 2025; NQ: 7 Apr 2025) and the
    /// first four sparse one-price bars of NQ's December 2023 roll (12-14 Dec 2023). These counts pin that.
    /// </summary>
    [SkippableTheory]
    [InlineData("NQ-30min-ETH.csv", 56_083, 5, 20)]
    [InlineData("CL-30min-ETH.csv", 59_217, 6, 100)]
    public void Bar_validation_rejects_only_bars_that_gap_over_5_percent_from_the_median_close_in_the_real_files(string file, int bars, int rejectedBars, int levelShifts)
    {
        Data.SharedData.Require(file);
        var run = TickSourceRun.Of(SharedData(file));
        var source = run.Source;
        Assert.Equal(bars, source.Rows);
        Assert.Equal(rejectedBars, source.Issues.RejectedCount);
        Assert.Equal(rejectedBars, source.Issues.CountOf(RowIssueKind.PriceOutlier));
        Assert.Equal(levelShifts, source.LevelShifts);
        Assert.Equal(4L * (bars - rejectedBars), source.Accepted);
        output.WriteLine(string.Join("\n", source.Issues.Rejections.Take(10)));
    }

    [SkippableFact]
    public void Every_tick_of_the_SPY_week_is_read_from_the_gzip_file()
    {
        const string file = "SPY-ticks-2013-10-07-to-11.csv.gz";
        Data.SharedData.Require(file);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var source = TickSource.Open(SharedData(file));
        var first = default(DateTime);
        while (source.Read() is { Status: not TickReadStatus.End } read)
        {
            if (first == default && read.Status == TickReadStatus.Tick) first = read.Tick.Tick.Timestamp;
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        output.WriteLine($"{source.Accepted} ticks in {seconds:F2} s: {source.Accepted / seconds:F0} ticks/s; {source.Issues.RejectedCount} rejected");
        Assert.Equal(1_887_460, source.Rows);
        Assert.Equal(0, source.Issues.RejectedCount);
        Assert.Equal(source.Rows, source.Accepted);
        Assert.Equal(new DateTime(2013, 10, 7, 4, 0, 0, 464), first);
        Assert.Equal(new DateTime(2013, 10, 11, 19, 59, 32, 543), source.LastTickTime);
    }

    /// <summary>A reading that shares nothing with the reader: split on commas, spaces, slashes and colons, day first.</summary>
    private static List<(DateTime Start, long Volume)> ReadIndependently(string path)
    {
        var bars = new List<(DateTime, long)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Trim().Length == 0) continue;
            var fields = line.TrimEnd('\r').Split(',');
            var dateTime = fields[0].Split(' ');
            var date = dateTime[0].Split('/');
            var time = dateTime[1].Split(':');
            var start = new DateTime(int.Parse(date[2], CultureInfo.InvariantCulture), int.Parse(date[1], CultureInfo.InvariantCulture), int.Parse(date[0], CultureInfo.InvariantCulture),
                int.Parse(time[0], CultureInfo.InvariantCulture), int.Parse(time[1], CultureInfo.InvariantCulture), time.Length > 2 ? int.Parse(time[2], CultureInfo.InvariantCulture) : 0);
            bars.Add((start, long.Parse(fields[5], CultureInfo.InvariantCulture)));
        }

        return bars;
    }
}
