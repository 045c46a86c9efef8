namespace AlgoSpace.Benchmarks.Process;

/// <summary>
/// Finds the repository and the built silo. The benchmark references src/Silo, so building the benchmark builds
/// the silo in the same configuration; the other configuration's build is used if only that one exists.
/// </summary>
public static class SiloLocator
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SiloAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var candidates = new[] { configuration, "Release", "Debug" }
                .Distinct(StringComparer.Ordinal)
                .Select(c => Path.Combine(RepositoryRoot, "src", "Silo", "bin", c, "net10.0", "AlgoSpace.Silo.dll"))
                .ToList();
            return candidates.FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"No built silo; build src/Silo first (looked for {string.Join(", ", candidates)}).");
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "AlgoSpace.sln"))) return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AlgoSpace.sln above {AppContext.BaseDirectory} or the working directory.");
    }
}
