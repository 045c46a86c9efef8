namespace AlgoSpace.Silo.Configuration;

/// <summary>
/// Finds the project root, whose data/, models/ and settings/ folders are the roots that configured paths may
/// point into (NFR-SK-12).
/// </summary>
public static class ProjectRoot
{
    /// <summary>Environment variable that names the root explicitly (containers set it).</summary>
    public const string EnvironmentVariable = "ALGOSPACE_ROOT";

    /// <summary>Files that mark a project root.</summary>
    public static readonly string[] Markers = ["AlgoSpace.sln", ".algospace-root"];

    /// <summary>
    /// The root: $ALGOSPACE_ROOT if set; else the nearest ancestor of the configuration's folder, then of the
    /// working directory, that holds a marker; else the folder above the configuration's folder.
    /// </summary>
    public static string Find(string configFile, Func<string, string?> environment)
    {
        if (environment(EnvironmentVariable) is { Length: > 0 } explicitRoot)
        {
            return Path.GetFullPath(explicitRoot);
        }

        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        return FindMarked(configDirectory)
            ?? FindMarked(Directory.GetCurrentDirectory())
            ?? Path.GetDirectoryName(configDirectory)
            ?? configDirectory;
    }

    /// <summary>
    /// The default settings file: <paramref name="relativePath"/> under the root found from $ALGOSPACE_ROOT, the
    /// working directory or the program's own folder, so that `dotnet run --project src/Silo` finds it from
    /// wherever it runs; else the path relative to the working directory.
    /// </summary>
    public static string LocateDefault(string relativePath, Func<string, string?> environment)
    {
        var root = environment(EnvironmentVariable) is { Length: > 0 } explicitRoot
            ? Path.GetFullPath(explicitRoot)
            : FindMarked(Directory.GetCurrentDirectory()) ?? FindMarked(AppContext.BaseDirectory);
        return root is null ? Path.GetFullPath(relativePath) : Path.Combine(root, relativePath);
    }

    private static string? FindMarked(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Markers.Any(m => File.Exists(Path.Combine(directory.FullName, m))))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
