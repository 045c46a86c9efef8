using AlgoSpace.Benchmarks;
using AlgoSpace.Benchmarks.Pipeline;

namespace AlgoSpace.Tests.Live;

/// <summary>
/// Settings for a real silo process in live mode: settings/live.yaml (every component, the committed models, the
/// paper broker) pointed at a replay feed on loopback, written under output/tests/ (the settings path rules keep
/// files inside the project) with free cluster ports, file persistence in the test's own folder and no telemetry
/// endpoint. Deleted with the tree.
/// </summary>
public sealed class LiveSiloTree : IDisposable
{
    public LiveSiloTree()
    {
        Root = RepositoryRoot.File("output", "tests", $"live-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Where run reports and saved state go (system.output_dir).</summary>
    public string OutputDir => Path.Combine(Root, "output");

    public int GatewayPort { get; private set; }

    /// <summary>Writes the settings and returns their path.</summary>
    /// <param name="feedUrl">data_handler.live.url.</param>
    /// <param name="backtestFile">The file a switch to backtest mode replays (absolute).</param>
    /// <param name="jsonLogs">system.log_format: json instead of live.yaml's console.</param>
    public string WriteSettings(Uri feedUrl, string backtestFile, bool jsonLogs = false)
    {
        var repository = RepositoryRoot.Path;
        var ports = FreePorts.Pair();
        GatewayPort = ports.Gateway;
        var yaml = File.ReadAllText(RepositoryRoot.File("settings", "live.yaml"));
        yaml = Edit(yaml, "output_dir: ../output", $"output_dir: \"{OutputDir}\"");
        yaml = Edit(yaml, "../models/", Path.Combine(repository, "models") + "/");
        yaml = Edit(yaml, "backtest_file: ../data/sample/ES-ticks-eth-20d.csv.gz", $"backtest_file: \"{backtestFile}\"");
        yaml = Edit(yaml, "url: ${env:ALGOSPACE_FEED_URL:-ws://127.0.0.1:8765/ticks}", $"url: {feedUrl}");
        // Quick reconnects: the test brings the feed back within a second or two.
        yaml = Edit(yaml, "reconnect_base_delay_ms: 1000", "reconnect_base_delay_ms: 200");
        yaml = Edit(yaml, "reconnect_attempts: 5", "reconnect_attempts: 20");
        yaml = Edit(yaml, "http_port: 9465", "http_port: 9465\n  enabled: false");
        yaml = Edit(yaml, "  provider: localhost ", $"  silo_port: {ports.Silo}\n  gateway_port: {ports.Gateway}\n  provider: localhost ");
        if (jsonLogs) yaml = Edit(yaml, "log_format: console", "log_format: json");
        var path = Path.Combine(Root, "live.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Edit(string yaml, string text, string by) => SettingsText.Replace(yaml, text, by, "settings/live.yaml");

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
