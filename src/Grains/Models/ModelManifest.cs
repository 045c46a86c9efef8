namespace AlgoSpace.Grains.Models;

/// <summary>
/// A <c>manifest.json</c> as read: either unusable as a whole (<see cref="Error"/>), or a set of entries each of which
/// is valid or has its own problem, so one bad entry degrades one model rather than all of them.
/// </summary>
public sealed class ModelManifest
{
    private ModelManifest(string path, string? error, IReadOnlyDictionary<string, ModelManifestEntry> entries, IReadOnlyDictionary<string, string> entryErrors)
    {
        Path = path;
        Error = error;
        Entries = entries;
        EntryErrors = entryErrors;
    }

    /// <summary>The manifest's full path; entries' files are relative to its folder.</summary>
    public string Path { get; }

    /// <summary>Why the whole manifest cannot be used (missing, not JSON, wrong top level); null when it can.</summary>
    public string? Error { get; }

    /// <summary>Valid entries by model name.</summary>
    public IReadOnlyDictionary<string, ModelManifestEntry> Entries { get; }

    /// <summary>Entries that are present but invalid, by model name, with the first problem found.</summary>
    public IReadOnlyDictionary<string, string> EntryErrors { get; }

    /// <summary>The full path of an entry's file.</summary>
    public string FileOf(ModelManifestEntry entry) =>
        System.IO.Path.GetFullPath(entry.File, System.IO.Path.GetDirectoryName(Path) ?? ".");

    internal static ModelManifest Unusable(string path, string error) =>
        new(path, error, new Dictionary<string, ModelManifestEntry>(), new Dictionary<string, string>());

    internal static ModelManifest Of(string path, IReadOnlyDictionary<string, ModelManifestEntry> entries, IReadOnlyDictionary<string, string> entryErrors) =>
        new(path, null, entries, entryErrors);
}
