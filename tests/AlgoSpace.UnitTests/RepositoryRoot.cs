namespace AlgoSpace.Tests;

/// <summary>The repository this test build came from, found by walking up from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "AlgoSpace.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No AlgoSpace.sln above {AppContext.BaseDirectory}.");
    }
}
