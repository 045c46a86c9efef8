using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Models;

/// <summary>Which models to load: name to file, and the manifest (null: <c>manifest.json</c> beside each file).</summary>
public sealed record ModelSource(IReadOnlyDictionary<string, string> Models, string? ManifestPath = null)
{
    private const string PathSuffix = "_path";

    /// <summary>The validated settings' <c>models:</c> (<c>rde_path: /abs/models/rde.pt</c>) as model names (<c>rde</c>).</summary>
    public static ModelSource FromSettings(AlgoSpaceSettings settings, string? manifestPath = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ModelSource(
            settings.Models.ToDictionary(m => m.Key.EndsWith(PathSuffix, StringComparison.Ordinal) ? m.Key[..^PathSuffix.Length] : m.Key, m => m.Value, StringComparer.Ordinal),
            manifestPath);
    }
}
