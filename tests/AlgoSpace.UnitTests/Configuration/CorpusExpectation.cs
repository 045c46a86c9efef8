using System.Text.RegularExpressions;
using AlgoSpace.Silo.Configuration;

namespace AlgoSpace.Tests.Configuration;

/// <summary>
/// What a corpus file says about itself in its header comments:
/// <c># expect-error: PATH @ LINE:COLUMN ~ TEXT</c> and <c># expect-warning: ...</c> (the <c>~ TEXT</c> part, a
/// substring of the message, is optional), or <c># expect: valid</c>.
/// </summary>
public sealed partial record CorpusExpectation(DiagnosticSeverity Severity, string Path, int Line, int Column, string? Text)
{
    [GeneratedRegex(@"^#\s*expect-(?<severity>error|warning):\s*(?<path>\S*)\s*@\s*(?<line>\d+):(?<column>\d+)\s*(~\s*(?<text>.+))?$")]
    private static partial Regex Line_();

    public static IReadOnlyList<CorpusExpectation> Read(string yaml) =>
        yaml.Split('\n')
            .Select(l => Line_().Match(l.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => new CorpusExpectation(
                m.Groups["severity"].Value == "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                m.Groups["path"].Value == "-" ? "" : m.Groups["path"].Value,
                int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["column"].Value),
                m.Groups["text"].Success ? m.Groups["text"].Value.Trim() : null))
            .ToList();

    public bool Matches(SettingsDiagnostic diagnostic) =>
        diagnostic.Severity == Severity
        && diagnostic.Path == Path
        && (Line == 0 ? diagnostic.Position is null : diagnostic.Position is { } p && p.Line == Line && p.Column == Column)
        && (Text is null || diagnostic.ToString().Contains(Text, StringComparison.Ordinal));

    public override string ToString() => $"{Severity} {Path} @ {Line}:{Column}{(Text is null ? "" : $" ~ {Text}")}";
}
