using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>What a rule across keys needs: the bound settings, where each key was written, and where to report.</summary>
public sealed class RuleContext(AlgoSpaceSettings settings, PositionIndex positions, DiagnosticBag diagnostics)
{
    public AlgoSpaceSettings Settings { get; } = settings;
    public PositionIndex Positions { get; } = positions;

    public void Error(string path, string found, string expected, string? hint = null) =>
        diagnostics.Error(path, Positions.Of(path), found, expected, hint);

    public void Warning(string path, string found, string expected, string? hint = null) =>
        diagnostics.Warning(path, Positions.Of(path), found, expected, hint);

    /// <summary>How a key got its value, for messages about contradictions: "set by --mode" or "at line 3".</summary>
    public string Origin(string path) => Positions.Node(path) switch
    {
        YamlScalar { OverriddenBy: { } option } => $"set by {option}",
        YamlScalar s => $"at line {s.Position.Line}",
        _ => "by default",
    };
}
