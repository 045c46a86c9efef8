namespace AlgoSpace.Silo.Configuration;

/// <summary>Collects every finding so that all of them are reported at once, in file order.</summary>
public sealed class DiagnosticBag
{
    private readonly List<SettingsDiagnostic> _items = [];

    // Equal findings (a shared alias walked twice) are reported once; a set keeps that linear in files with many findings.
    private readonly HashSet<SettingsDiagnostic> _seen = [];

    public string? File { get; set; }

    public IReadOnlyList<SettingsDiagnostic> Items => _items
        .OrderBy(d => d.Position?.Line ?? int.MaxValue)
        .ThenBy(d => d.Position?.Column ?? 0)
        .ThenBy(d => d.Path, StringComparer.Ordinal)
        .ToList();

    public IEnumerable<SettingsDiagnostic> Errors => Items.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<SettingsDiagnostic> Warnings => Items.Where(d => d.Severity == DiagnosticSeverity.Warning);

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string path, SourcePosition? position, string found, string expected, string? hint = null) =>
        Add(DiagnosticSeverity.Error, path, position, found, expected, hint);

    public void Warning(string path, SourcePosition? position, string found, string expected, string? hint = null) =>
        Add(DiagnosticSeverity.Warning, path, position, found, expected, hint);

    private void Add(DiagnosticSeverity severity, string path, SourcePosition? position, string found, string expected, string? hint)
    {
        var diagnostic = new SettingsDiagnostic(severity, path, position, found, expected, hint) { File = File };
        if (_seen.Add(diagnostic))
        {
            _items.Add(diagnostic);
        }
    }
}
