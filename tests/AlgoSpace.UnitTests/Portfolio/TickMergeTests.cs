using AlgoSpace.Grains.Components.Data;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Tests.Portfolio;

/// <summary>
/// A portfolio's files read as one stream: in time order, equal times in the order of the symbols, each file in its
/// own order; a saved position (with the ticks read ahead) resumes to exactly the rest of the stream.
/// </summary>
public sealed class TickMergeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("algospace-merge-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, params (string Time, double Price)[] rows)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, "timestamp,price,volume\n" + string.Concat(rows.Select(r => $"2024-01-02T{r.Time}.000,{r.Price:0.00},1\n")));
        return path;
    }

    private TickMerge Open() => new(
    [
        ("ES", TickSource.Open(File("es.csv", ("10:00:00", 4750), ("10:00:02", 4750.25), ("10:00:04", 4750.5)))),
        ("NQ", TickSource.Open(File("nq.csv", ("10:00:01", 16800), ("10:00:02", 16800.25), ("10:00:05", 16800.5)))),
        ("CL", TickSource.Open(File("cl.csv", ("10:00:02", 72.5), ("10:00:03", 72.51)))),
    ]);

    private static List<string> Drain(TickMerge merge, int most = int.MaxValue)
    {
        var taken = new List<string>();
        while (taken.Count < most && merge.Next((_, issue) => Assert.Fail($"unexpected issue {issue}")) is { } tick) taken.Add(Describe(tick));
        return taken;
    }

    private static string Describe(TickPayload tick) => $"{tick.Symbol} {tick.Timestamp:HH:mm:ss}";

    [Fact]
    public void Ticks_come_in_time_order_and_equal_times_in_the_order_of_the_symbols()
    {
        using var merge = Open();
        Assert.Equal(
            ["ES 10:00:00", "NQ 10:00:01", "ES 10:00:02", "NQ 10:00:02", "CL 10:00:02", "CL 10:00:03", "ES 10:00:04", "NQ 10:00:05"],
            Drain(merge));
        Assert.Equal(8, merge.Handed);
        Assert.Equal(8, merge.Rows);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void A_saved_position_resumes_to_exactly_the_rest_of_the_stream(int before)
    {
        List<string> whole;
        using (var uninterrupted = Open()) whole = Drain(uninterrupted);

        IReadOnlyList<TickMergeLaneState> saved;
        long handed;
        using (var first = Open())
        {
            Assert.Equal(whole.Take(before), Drain(first, before));
            saved = first.Snapshot();
            handed = first.Handed;
        }

        using var resumed = Open();
        Assert.True(resumed.TryResume(saved, out var reason), reason);
        Assert.Equal(handed, resumed.Handed);
        Assert.Equal(whole.Skip(before), Drain(resumed));
    }

    [Fact]
    public void A_position_saved_for_other_instruments_is_refused_with_the_reason()
    {
        IReadOnlyList<TickMergeLaneState> saved;
        using (var first = Open())
        {
            Drain(first, 2);
            saved = first.Snapshot();
        }

        using var other = new TickMerge([("ES", TickSource.Open(Path.Combine(_folder, "es.csv"))), ("CL", TickSource.Open(Path.Combine(_folder, "cl.csv")))]);
        Assert.False(other.TryResume(saved, out var reason));
        Assert.Contains("ES, NQ, CL", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_row_is_reported_with_its_file_and_the_merge_goes_on()
    {
        var issues = new List<string>();
        using var merge = new TickMerge(
        [
            ("ES", TickSource.Open(File("es-bad.csv", ("10:00:00", 4750), ("10:00:01", -1), ("10:00:02", 4750.25)))),
            ("NQ", TickSource.Open(File("nq-ok.csv", ("10:00:01", 16800)))),
        ]);
        var ticks = new List<string>();
        while (merge.Next((lane, issue) => issues.Add($"{lane.Symbol}:{issue.Line}")) is { } tick) ticks.Add(Describe(tick));

        Assert.Equal(["ES 10:00:00", "NQ 10:00:01", "ES 10:00:02"], ticks);
        Assert.Equal(["ES:3"], issues);
        Assert.Equal(1, merge.RejectedCount);
    }
}
