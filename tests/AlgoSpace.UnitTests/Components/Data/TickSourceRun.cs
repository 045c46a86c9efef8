using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>Everything a <see cref="TickSource"/> produced from a file: its ticks and its issues, in order.</summary>
public sealed record TickSourceRun(List<SourcedTick> Ticks, List<RowIssue> Issues, TickSource Source)
{
    public static TickSourceRun Of(string path, DataFileFormat format = DataFileFormat.Auto, DateOnly? from = null, DateOnly? until = null, TimeSpan? maxTimeJump = null)
    {
        using var source = TickSource.Open(path, format, from, until, maxTimeJump);
        return Drain(source);
    }

    public static TickSourceRun Drain(TickSource source)
    {
        var ticks = new List<SourcedTick>();
        var issues = new List<RowIssue>();
        while (source.Read() is { Status: not TickReadStatus.End } read)
        {
            if (read.Issue is { } issue) issues.Add(issue);
            if (read.Status == TickReadStatus.Tick) ticks.Add(read.Tick);
        }

        return new TickSourceRun(ticks, issues, source);
    }

    public List<MarketTick> Plain => Ticks.Select(t => t.Tick).ToList();
}
