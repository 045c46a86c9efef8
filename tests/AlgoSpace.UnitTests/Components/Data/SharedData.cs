namespace AlgoSpace.Tests.Components.Data;

/// <summary>
/// The real market data of ../shared/data (outside the project: never copied into it). A clone without that folder
/// next to it (a user's) reports the real-data tests as skipped, with the path it looked for.
/// </summary>
internal static class SharedData
{
    public static string File(string name) => RepositoryRoot.File("..", "shared", "data", name);

    /// <summary>The file's path, or a skip of the calling [SkippableFact]/[SkippableTheory] saying what is missing.</summary>
    public static string Require(string name)
    {
        var path = File(name);
        Skip.IfNot(System.IO.File.Exists(path), $"{path} is absent: the real-data tests read ../shared/data next to the repository, which this clone does not have.");
        return path;
    }
}
