using System.IO.Compression;
using System.Text;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;
using CsCheck;

namespace AlgoSpace.Tests.Components.Data.Properties;

/// <summary>
/// Property-based tests of the tick and bar file readers (<see cref="TickSource"/>: reader and validator), on plain
/// and gzip files: random mutations of good rows are each rejected at their own line and every good row is kept;
/// random bytes never make the reader throw, and every row is either a tick or a counted issue. Seeded
/// (<see cref="BadRows.Seed"/>): a failure prints its case's seed, which replays it.
/// </summary>
public sealed class DataFilePropertyTests
{
    private const string TickHeader = "timestamp,price,volume";
    private const string BarHeader = "timestamp,open,high,low,close,volume";

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Every_mutated_row_is_rejected_at_its_line_and_every_good_row_is_kept(bool bars, bool gzip)
    {
        Gen.Int[3, 250].SelectMany(n => BadRows.File(bars, n)).Sample(file =>
        {
            var text = (bars ? BarHeader : TickHeader) + "\n" + string.Join('\n', file.Rows) + "\n";
            using var temp = gzip ? TempDataFile.Gzipped(text) : TempDataFile.WithText(text);
            var run = TickSourceRun.Of(temp.Path);

            var rejected = run.Issues.Where(i => i.Kind.IsRejection()).Select(i => i.Line).ToList();
            Assert.Equal(file.BadLines, rejected);
            Assert.All(run.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Detail), $"line {i.Line}: {i.Kind} has no detail"));
            var good = file.Rows.Count - file.BadLines.Count;
            Assert.Equal(file.Rows.Count, run.Source.Rows);
            Assert.Equal(bars ? 4L * good : good, run.Source.Accepted);
            Assert.Equal(file.BadLines.Count, run.Source.Issues.RejectedCount);
        }, seed: BadRows.Seed, iter: 60, threads: 1, print: f => $"bad lines {string.Join(' ', f.BadLines)}: {Describe(f.Rows, f.BadLines)}");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Random_bytes_after_a_header_never_escape_the_reader_and_every_row_is_a_tick_or_a_counted_issue(bool bars, bool gzip)
    {
        var bytes = Gen.OneOf(
            Gen.Byte.Array[0, 4000],
            // Mostly printable rows with commas, so that some rows split into the right number of fields.
            Gen.OneOf(Gen.Char["0123456789,.-:T /eE\nNaI"], Gen.Char).Array[0, 4000].Select(c => Encoding.UTF8.GetBytes(c)));
        bytes.Sample(body =>
        {
            var header = Encoding.UTF8.GetBytes((bars ? BarHeader : TickHeader) + "\n" + (bars ? BadRows.BarRow(0) : BadRows.TickRow(0)) + "\n");
            var content = gzip ? Gzip([.. header, .. body]) : [.. header, .. body];
            using var temp = TempDataFile.WithBytes(content, gzip ? "data.csv.gz" : "data.csv");
            AssertReadsToTheEndAccountingForEveryRow(temp.Path);
        }, seed: BadRows.Seed, iter: 150, threads: 1);
    }

    /// <summary>A gzip file damaged after its start: the rows before the damage stand, the damage is one reported issue, nothing throws.</summary>
    [Fact]
    public void A_gzip_file_damaged_in_the_middle_ends_with_one_reported_issue_instead_of_an_exception()
    {
        var text = TickHeader + "\n" + string.Join('\n', Enumerable.Range(0, 20_000).Select(BadRows.TickRow)) + "\n";
        var good = Gzip(Encoding.UTF8.GetBytes(text));
        var damagedReported = 0;
        Gen.Select(Gen.Int[good.Length / 4, good.Length - 9], Gen.Byte.Array[1, 64]).Sample((at, noise) =>
        {
            var damaged = good.ToArray();
            for (var k = 0; k < noise.Length && at + k < damaged.Length - 8; k++) damaged[at + k] ^= (byte)(noise[k] | 1);
            using var temp = TempDataFile.WithBytes(damaged, "data.csv.gz");
            var (source, issues) = AssertReadsToTheEndAccountingForEveryRow(temp.Path);
            Assert.True(source.Accepted > 0, "the rows before the damage are read");
            damagedReported += issues.Count(i => i.Kind == RowIssueKind.UnreadableFile);
        }, seed: BadRows.Seed, iter: 20, threads: 1);
        // Most damage breaks the stream (the rest reads as rows, rejected, when it does not): the reader's catch is exercised.
        Assert.True(damagedReported > 0, "no damaged file was reported unreadable");

        // A file cut short: .NET's GZipStream ends a truncated stream quietly, so the file just ends early (a row cut
        // in half is rejected like any bad row); nothing throws either.
        using var truncated = TempDataFile.WithBytes(good[..(good.Length / 2)], "data.csv.gz");
        var (cut, _) = AssertReadsToTheEndAccountingForEveryRow(truncated.Path);
        Assert.InRange(cut.Accepted, 1, 19_999);
    }

    /// <summary>
    /// Opens and drains the file: opening may refuse it only with a <see cref="DataFileException"/> (a message
    /// naming the file); reading never throws; every data row is an accepted tick (four for a bar) or one rejection
    /// with its line, on a line of the file, in order.
    /// </summary>
    private static (TickSource Source, List<RowIssue> Issues) AssertReadsToTheEndAccountingForEveryRow(string path)
    {
        TickSource source;
        try
        {
            source = TickSource.Open(path);
        }
        catch (DataFileException ex)
        {
            Assert.Contains(path, ex.Message);
            return (null!, []);
        }

        using (source)
        {
            var run = TickSourceRun.Drain(source);
            var rowRejections = run.Issues.Count(i => i.Kind.IsRejection() && i.Kind != RowIssueKind.UnreadableFile);
            var ticksPerRow = source.File.Layout.Format == DataFileFormat.Bar ? 4 : 1;
            Assert.Equal(source.Rows, (source.Accepted / ticksPerRow) + rowRejections);
            Assert.Equal(source.Issues.RejectedCount, run.Issues.Count(i => i.Kind.IsRejection()));
            Assert.True(run.Issues.Count(i => i.Kind == RowIssueKind.UnreadableFile) <= 1, "the damage is reported once");
            Assert.All(run.Issues.Zip(run.Issues.Skip(1)), p => Assert.True(p.First.Line <= p.Second.Line, $"issues out of line order: {p.First} then {p.Second}"));
            Assert.All(run.Issues, i => Assert.True(i.Line > source.File.HeaderLine, $"{i} is not on a data line"));
            return (source, run.Issues);
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return buffer.ToArray();
    }

    private static string Describe(List<string> rows, SortedSet<long> badLines) =>
        string.Join(" | ", badLines.Select(l => $"{l}: {Shorten(rows[(int)l - 2])}"));

    private static string Shorten(string row) => row.Length > 80 ? $"{row[..80]}... ({row.Length} chars)" : row;
}
