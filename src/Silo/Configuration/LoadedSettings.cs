using AlgoSpace.Grains.Components;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Configuration;

/// <summary>The outcome of loading a settings file: the settings (only when valid) and every finding.</summary>
public sealed class LoadedSettings
{
    public required string ConfigFile { get; init; }
    public required string ProjectRoot { get; init; }
    public required IReadOnlyList<SettingsDiagnostic> Diagnostics { get; init; }

    /// <summary>The validated settings; null when there is any error.</summary>
    public AlgoSpaceSettings? Settings { get; init; }

    /// <summary>The component registry the settings were validated against (with component_assemblies loaded).</summary>
    public ComponentRegistry? Registry { get; init; }

    public IEnumerable<SettingsDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
    public IEnumerable<SettingsDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
    public bool IsValid => Settings is not null;
}
