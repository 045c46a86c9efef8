namespace AlgoSpace.MarketData;

/// <summary>
/// Every rejected row or tick and every warning is counted here by kind, and the first
/// <see cref="MaxExamples"/> of each are kept with their line numbers, so that nothing is dropped silently while
/// memory stays bounded however bad the file is.
/// </summary>
public sealed class RowIssueLog
{
    public const int MaxExamples = 100;

    private readonly long[] _counts = new long[RowIssueKinds.Count];
    private readonly List<RowIssue> _rejections = [];
    private readonly List<RowIssue> _warnings = [];

    public long RejectedCount { get; private set; }

    public long WarningCount { get; private set; }

    /// <summary>The first rejections, in file order.</summary>
    public IReadOnlyList<RowIssue> Rejections => _rejections;

    /// <summary>The first warnings, in file order.</summary>
    public IReadOnlyList<RowIssue> Warnings => _warnings;

    public long CountOf(RowIssueKind kind) => _counts[(int)kind];

    /// <summary>The kinds seen so far with their counts, rejections first.</summary>
    public IEnumerable<(RowIssueKind Kind, long Count)> Counts() =>
        Enum.GetValues<RowIssueKind>().Where(k => _counts[(int)k] > 0).OrderBy(k => k.IsRejection() ? 0 : 1).Select(k => (k, _counts[(int)k]));

    public RowIssue Record(long line, RowIssueKind kind, string detail)
    {
        var issue = new RowIssue(line, kind, detail);
        _counts[(int)kind]++;
        if (kind.IsRejection())
        {
            RejectedCount++;
            if (_rejections.Count < MaxExamples) _rejections.Add(issue);
        }
        else
        {
            WarningCount++;
            if (_warnings.Count < MaxExamples) _warnings.Add(issue);
        }

        return issue;
    }

    public RowIssueLogSnapshot Snapshot() => new(
        Enum.GetValues<RowIssueKind>().Where(k => _counts[(int)k] > 0).ToDictionary(k => k, k => _counts[(int)k]),
        [.. _rejections],
        [.. _warnings]);

    public void Restore(RowIssueLogSnapshot snapshot)
    {
        Array.Clear(_counts);
        RejectedCount = 0;
        WarningCount = 0;
        foreach (var (kind, count) in snapshot.Counts)
        {
            _counts[(int)kind] = count;
            if (kind.IsRejection()) RejectedCount += count;
            else WarningCount += count;
        }

        _rejections.Clear();
        _rejections.AddRange(snapshot.Rejections.Take(MaxExamples));
        _warnings.Clear();
        _warnings.AddRange(snapshot.Warnings.Take(MaxExamples));
    }
}
