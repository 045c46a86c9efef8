using AlgoSpace.Benchmarks;
using AlgoSpace.Benchmarks.Pipeline;

namespace AlgoSpace.Tests.Secrets;

/// <summary>
/// settings/live.yaml with every credential key filled from the environment (<see cref="TestCredentials"/>): the
/// feed's API key, the broker's user and password, and both Redis connection strings. Written under
/// output/tests/ (the path rules keep settings inside the project) with free ports, the HTTP endpoints on a free
/// loopback port, and the output folder inside the tree. Deleted with the tree.
/// </summary>
public sealed class SecretSiloTree : IDisposable
{
    public SecretSiloTree()
    {
        Root = RepositoryRoot.File("output", "tests", $"secrets-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>system.output_dir: run reports (and state files, with the file provider).</summary>
    public string OutputDir => Path.Combine(Root, "output");

    /// <summary>Writes the settings and returns their path.</summary>
    /// <param name="feedUrl">data_handler.live.url.</param>
    /// <param name="backtestFile">data_handler.backtest_file (absolute), which a live run never reads.</param>
    /// <param name="persistence">persistence.provider: redis (state in Redis) or file (state files in the output folder).</param>
    public string WriteSettings(Uri feedUrl, string backtestFile, string persistence)
    {
        var ports = FreePorts.Pair();
        var yaml = File.ReadAllText(RepositoryRoot.File("settings", "live.yaml"));
        yaml = Edit(yaml, "output_dir: ../output", $"output_dir: \"{OutputDir}\"");
        yaml = Edit(yaml, "../models/", Path.Combine(RepositoryRoot.Path, "models") + "/");
        yaml = Edit(yaml, "backtest_file: ../data/sample/ES-ticks-eth-20d.csv.gz", $"backtest_file: \"{backtestFile}\"");
        yaml = Edit(yaml, "url: ${env:ALGOSPACE_FEED_URL:-ws://127.0.0.1:8765/ticks}", $"url: {feedUrl}");
        yaml = Edit(yaml, "# api_key: ${env:ALGOSPACE_FEED_API_KEY}", $"api_key: ${{env:{TestCredentials.FeedApiKeyVariable}}}");
        yaml = Edit(yaml, "  order_acknowledgment_timeout: 2\n",
            $"  order_acknowledgment_timeout: 2\n  broker:\n    user: ${{env:{TestCredentials.BrokerUserVariable}}}\n"
            + $"    password: ${{env:{TestCredentials.BrokerPasswordVariable}}}\n    system: test paper\n");
        // Both Redis connections are set in every run; persistence uses its own when state is in Redis. Clustering
        // stays on localhost: Redis clustering advertises the machine's own address, and tests use only loopback.
        yaml = Edit(yaml, "persistence:\n  snapshot_every_bars: 48",
            $"persistence:\n  provider: {persistence}\n  redis_connection: ${{env:{TestCredentials.StateRedisVariable}}}\n  snapshot_every_bars: 1");
        yaml = Edit(yaml, "  provider: localhost ",
            $"  silo_port: {ports.Silo}\n  gateway_port: {ports.Gateway}\n"
            + $"  redis_connection: ${{env:{TestCredentials.ClusterRedisVariable}}}\n  provider: localhost ");
        yaml = Edit(yaml, "http_port: 9465", "http_port: 0");
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
