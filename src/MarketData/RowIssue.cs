namespace AlgoSpace.MarketData;

/// <summary>One rejected row or tick, or one warning, with the file line it came from.</summary>
public sealed record RowIssue(
    long Line,
    RowIssueKind Kind,
    string Detail)
{
    public override string ToString() => $"line {Line}: {Kind}: {Detail}";
}
