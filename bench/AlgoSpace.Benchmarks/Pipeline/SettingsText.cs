namespace AlgoSpace.Benchmarks.Pipeline;

/// <summary>
/// Edits a committed settings file's text for a benchmark or a test run in this process tree: each edit replaces text
/// the file must contain, and fails loudly naming the file when it no longer does (the committed file changed shape),
/// rather than running with settings nobody meant.
/// </summary>
public static class SettingsText
{
    public static string Replace(string yaml, string text, string by, string file) =>
        yaml.Contains(text, StringComparison.Ordinal)
            ? yaml.Replace(text, by, StringComparison.Ordinal)
            : throw new InvalidOperationException($"{file} no longer contains '{text.Trim()}', which a benchmark or test run replaces.");

    /// <summary>
    /// The edits every measured run makes: log level WARNING, memory persistence, and absolute paths for the output
    /// folder and the models (the edited file is written elsewhere, so its relative paths would not resolve).
    /// </summary>
    public static string ForMeasuredRun(string yaml, string file, string repositoryRoot)
    {
        yaml = Replace(yaml, "log_level: INFO", "log_level: WARNING", file);
        yaml = Replace(yaml, "output_dir: ../output", $"output_dir: \"{Path.Combine(repositoryRoot, "output")}\"", file);
        yaml = Replace(yaml, "../models/", Path.Combine(repositoryRoot, "models") + "/", file);
        return Replace(yaml, "persistence:\n", "persistence:\n  provider: memory\n", file);
    }
}
