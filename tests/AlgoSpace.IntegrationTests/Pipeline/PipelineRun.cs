using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.Tests.Kernel;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>How the cluster of a pipeline run is built.</summary>
public sealed record ClusterShape(int Silos, string Transport = "broadcast")
{
    public override string ToString() => $"{Silos} silo(s), {Transport}";
}

/// <summary>What a run produced that must not depend on the run: canonical lines, one per recorded event.</summary>
/// <remarks>trades.csv and report.json join this record when they exist (as file contents with timing fields removed).</remarks>
public sealed record PipelineOutputs(IReadOnlyList<string> Events, SystemState FinalState);

/// <summary>
/// Runs a backtest pipeline on an in-process cluster and returns its canonical outputs: "settings X, cluster shape
/// Y → outputs". The settings are the default job (settings/settings.yaml) with the data file replaced by a given
/// slice, models and persistence made local to the test, and, until every component of the default job is
/// implemented, its components replaced by a given list.
/// </summary>
public static class PipelineRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>The name of the test_event_recorder component whose lines are the outputs.</summary>
    public const string Recorder = "recorder";

    /// <summary>
    /// The default job's settings with <paramref name="dataFile"/> (relative to the settings folder) as the backtest
    /// file, no models, memory persistence and no telemetry; <paramref name="components"/> (a YAML list) replaces
    /// the default components, and <paramref name="execution"/> the execution section, when given.
    /// </summary>
    public static string DefaultSettings(string dataFile, string? components = null, string? execution = null)
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("settings", "settings.yaml")).ToList();
        var yaml = new List<string>();
        var section = "";
        foreach (var line in lines)
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#')) section = line.Split(':')[0];
            if (section == "models" || section == "persistence" || (section == "components" && components is not null) || (section == "execution" && execution is not null)) continue;
            yaml.Add(line.TrimStart().StartsWith("backtest_file:", StringComparison.Ordinal) ? $"  backtest_file: {dataFile}" : line);
        }

        yaml.Add("models: {}");
        yaml.Add("persistence:\n  provider: memory");
        yaml.Add("telemetry:\n  enabled: false");
        if (execution is not null) yaml.Add($"execution:\n{execution}");
        if (components is not null) yaml.Add($"components:\n{components}");
        return string.Join('\n', yaml) + "\n";
    }

    /// <summary>Writes <paramref name="data"/> as data/&lt;name&gt; of a fresh project tree, runs the settings to the end, and returns the outputs.</summary>
    public static async Task<PipelineOutputs> RunAsync(string yaml, string dataName, string data, ClusterShape shape)
    {
        var root = Directory.CreateTempSubdirectory("algospace-pipeline-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data"));
        await File.WriteAllTextAsync(Path.Combine(root, "data", dataName), data);
        await using var system = await TestSystem.StartAsync(yaml.Replace("transport: broadcast", $"transport: {shape.Transport}", StringComparison.Ordinal), shape.Silos, root);
        var status = await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);
        var canonical = await system.Component(Recorder).QueryAsync("canonical");
        return new PipelineOutputs(canonical.Split('\n', StringSplitOptions.RemoveEmptyEntries), status.State);
    }

    /// <summary>The first <paramref name="ticks"/> ticks of the shipped sample (data/sample/ES-ticks-sample.csv), header included.</summary>
    public static string SampleSlice(int ticks) =>
        string.Join('\n', File.ReadLines(RepositoryRoot.File("data", "sample", "ES-ticks-sample.csv")).Take(ticks + 1)) + "\n";
}
