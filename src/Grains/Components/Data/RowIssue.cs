namespace AlgoSpace.Components.Data;

/// <summary>One rejected row or tick, or one warning, with the file line it came from.</summary>
[GenerateSerializer, Immutable]
public sealed record RowIssue(
    [property: Id(0)] long Line,
    [property: Id(1)] RowIssueKind Kind,
    [property: Id(2)] string Detail)
{
    public override string ToString() => $"line {Line}: {Kind}: {Detail}";
}
