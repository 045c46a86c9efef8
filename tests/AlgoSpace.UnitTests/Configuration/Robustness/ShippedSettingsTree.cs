namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// A throw-away project root that holds one shipped settings file (settings.yaml, backtest.yaml or live.yaml) with
/// the data and model files it names present, as empty files of the same names: the loader checks that they exist,
/// not what they hold. The unmutated file validates here exactly as in the repository, so a mutation's verdict is
/// the mutation's alone, and nothing is written into the repository.
/// </summary>
public sealed class ShippedSettingsTree : IDisposable
{
    public ShippedSettingsTree(string shippedName)
    {
        Root = Path.Combine(Path.GetTempPath(), "algospace-tests", "shipped-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(Touch(Path.Combine(Root, ".algospace-root")), "");
        foreach (var folder in new[] { "data", "models" })
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryRoot.File(folder), "*", SearchOption.AllDirectories))
            {
                Touch(Path.Combine(Root, Path.GetRelativePath(RepositoryRoot.Path, file)));
            }
        }

        SettingsFile = Touch(Path.Combine(Root, "settings", shippedName));
        Original = File.ReadAllBytes(RepositoryRoot.File("settings", shippedName));
        File.WriteAllBytes(SettingsFile, Original);
    }

    public string Root { get; }

    /// <summary>Where the settings file is written: settings/ under the root, as in the repository.</summary>
    public string SettingsFile { get; }

    /// <summary>The shipped file's bytes.</summary>
    public byte[] Original { get; }

    /// <summary>Replaces the settings file's content.</summary>
    public string Write(byte[] content)
    {
        File.WriteAllBytes(SettingsFile, content);
        return SettingsFile;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the test over it would not be.
        }
    }

    private static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        return path;
    }
}
