namespace AlgoSpace.Silo.Configuration;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One finding about the settings: where (YAML path, line, column), what was found, what was expected, and a hint.
/// </summary>
public sealed record SettingsDiagnostic(
    DiagnosticSeverity Severity,
    string Path,
    SourcePosition? Position,
    string Found,
    string Expected,
    string? Hint)
{
    /// <summary>The file the finding is about, for messages.</summary>
    public string? File { get; init; }

    public override string ToString()
    {
        var where = Position is { } p ? $"{File ?? "settings"}:{p.Line}:{p.Column}" : File ?? "settings";
        var key = Path.Length == 0 ? "(document)" : Path;
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var text = $"{where}: {severity}: {key}: found {Found}; expected {Expected}.";
        return Hint is null ? text : $"{text} Hint: {Hint}";
    }
}
