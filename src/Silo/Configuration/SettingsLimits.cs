namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Bounds on what the loader reads, so that a hostile or corrupted file is refused within a second instead of
/// exhausting memory, the stack or the validator's time. A real settings file is a few kilobytes, nests five levels
/// and holds under a thousand values; each limit is hundreds of times that. docs/configuration.md lists them.
/// </summary>
public static class SettingsLimits
{
    /// <summary>Largest settings file read, in bytes (1 MiB). Checked before any parsing.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Deepest nesting of mappings and lists (the document's top mapping is level 1). The tree is read and walked
    /// recursively; this keeps a file like 100,000 '[' from overflowing the stack, which no handler can catch.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Most nodes (keys, values, mappings and lists) in the document with every alias counted as the nodes it
    /// stands for. Aliases are shared, not copied, while reading, but every later step walks them as copies:
    /// without this bound ten nested aliases of ten ("billion laughs") make a billion values out of a few lines.
    /// </summary>
    public const int MaxNodes = 100_000;
}
