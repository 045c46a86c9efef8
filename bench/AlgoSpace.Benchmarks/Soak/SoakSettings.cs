using AlgoSpace.Benchmarks.Pipeline;
using AlgoSpace.Benchmarks.Process;

namespace AlgoSpace.Benchmarks.Soak;

/// <summary>
/// The soak's settings: the default job (settings/settings.yaml: every component, the committed models, file
/// persistence, log level INFO for the progress lines) with only what a soak must change: the tick file,
/// persistence.snapshot_every_bars, the state folder (the work folder's, so the default job's output/state/ is left
/// alone), free cluster ports, and telemetry on a free loopback port (http_port 0; the silo names it in its ready
/// line) so that /metrics can be read. Paths are absolute, as the file is written under output/bench/.
/// </summary>
public static class SoakSettings
{
    private const string File = "settings/settings.yaml";

    public static string Write(string folder, string dataFile, int snapshotEveryBars, string stateDirectory)
    {
        var root = SiloLocator.RepositoryRoot;
        var yaml = System.IO.File.ReadAllText(Path.Combine(root, "settings", "settings.yaml"));
        yaml = SettingsText.Replace(yaml, "output_dir: ../output", $"output_dir: \"{Path.Combine(root, "output")}\"", File);
        yaml = SettingsText.Replace(yaml, "../models/", Path.Combine(root, "models") + "/", File);
        yaml = SettingsText.Replace(yaml, "backtest_file: ../data/sample/ES-ticks-eth-20d.csv.gz", $"backtest_file: \"{Path.GetFullPath(dataFile)}\"", File);
        yaml = SettingsText.Replace(yaml, "  snapshot_every_bars: 48\n", $"  snapshot_every_bars: {snapshotEveryBars}\n  directory: \"{stateDirectory}\"\n", File);
        var ports = FreePorts.Pair();
        yaml += $"""

            telemetry:
              enabled: true
              http_address: 127.0.0.1
              http_port: 0
            cluster:
              silo_port: {ports.Silo}
              gateway_port: {ports.Gateway}

            """;
        var path = Path.Combine(folder, "settings.yaml");
        System.IO.File.WriteAllText(path, yaml);
        return path;
    }
}
