namespace AlgoSpace.Tests;

/// <summary>
/// A throw-away project root (marker file, data/, models/, settings/) in a temporary folder, so that path rules
/// are exercised against real files and each test stands alone.
/// </summary>
public sealed class TestProjectTree : IDisposable
{
    public TestProjectTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "algospace-tests", Guid.NewGuid().ToString("N"));
        Outside = Root + "-outside";
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        Directory.CreateDirectory(Path.Combine(Root, "models"));
        Directory.CreateDirectory(Path.Combine(Root, "settings"));
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Path.Combine(Root, ".algospace-root"), "");
        File.WriteAllText(Path.Combine(Root, "data", "ticks.csv"), "timestamp,price,volume\n2024-01-02T09:30:00.000,4750.25,3\n");
        File.WriteAllText(Path.Combine(Root, "models", "rde.pt"), "not a real model; the settings loader only checks that it exists");
        File.WriteAllText(Path.Combine(Outside, "secret.csv"), "timestamp,price,volume\n");
        File.CreateSymbolicLink(Path.Combine(Root, "data", "escape-link.csv"), Path.Combine(Outside, "secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "data", "escape-dir"), Outside);
        File.CreateSymbolicLink(Path.Combine(Root, "data", "inside-link.csv"), Path.Combine(Root, "data", "ticks.csv"));
    }

    public string Root { get; }

    /// <summary>A folder beside the root, outside every allowed folder; symbolic links in data/ lead here.</summary>
    public string Outside { get; }

    public string WriteSettings(string fileName, string yaml)
    {
        var path = Path.Combine(Root, "settings", fileName);
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
            Directory.Delete(Outside, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the test over it would not be.
        }
    }
}
