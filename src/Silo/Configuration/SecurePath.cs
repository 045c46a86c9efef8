namespace AlgoSpace.Silo.Configuration;

/// <summary>Resolves symbolic links in every part of a path, so that containment checks see where a path really leads.</summary>
public static class SecurePath
{
    private const int MaxLinks = 40;

    /// <summary>The path with every symbolic link along it replaced by its target; parts that do not exist are kept as written.</summary>
    public static string Canonical(string fullPath)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(fullPath), ref links);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or lies below it (both canonical).</summary>
    public static bool IsInside(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmedRoot = Path.TrimEndingDirectorySeparator(root);
        return path.Equals(trimmedRoot, comparison)
            || path.StartsWith(trimmedRoot + Path.DirectorySeparatorChar, comparison);
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        foreach (var part in parts.Where(p => p.Length > 0))
        {
            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many symbolic links while resolving '{fullPath}'.");
            }

            current = Resolve(Path.GetFullPath(target, current), ref links);
        }

        return current;
    }
}
