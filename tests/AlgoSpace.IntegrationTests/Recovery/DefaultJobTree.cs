using AlgoSpace.Benchmarks;

namespace AlgoSpace.Tests.Recovery;

/// <summary>
/// A project tree that runs the default job (settings/settings.yaml, the shipped 20-day sample, the committed models)
/// in a real silo process, on free loopback ports, with its own output and state folders.
/// </summary>
public sealed class DefaultJobTree : IDisposable
{
    /// <param name="persistence">Lines added under persistence:.</param>
    /// <param name="progressInterval">system.progress_interval; null keeps the shipped setting.</param>
    /// <param name="cluster">The cluster: section's lines; null gives a single silo on free loopback ports.</param>
    /// <param name="job">The shipped settings file to run: settings.yaml (the default job) or portfolio.yaml.</param>
    public DefaultJobTree(string persistence = "", double? progressInterval = 0.05, string? cluster = null, string job = DefaultJob)
    {
        Root = job == PortfolioJob ? Pipeline.DefaultJobFiles.NewPortfolioTree("algospace-recovery-") : Pipeline.DefaultJobFiles.NewTree("algospace-recovery-");
        foreach (var folder in new[] { "settings", "output" }) Directory.CreateDirectory(Path.Combine(Root, folder));
        File.WriteAllText(Path.Combine(Root, ".algospace-root"), "");

        // Progress lines every 50 ms by default: the interrupter reads how far the replay has come from them.
        var system = progressInterval is { } interval ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  progress_interval: {interval}\n") : "";
        // Every run of the tree writes to output/ (the portfolio's own folder is output/portfolio).
        var yaml = File.ReadAllText(RepositoryRoot.File("settings", job))
            .Replace("output_dir: ../output/portfolio", "output_dir: ../output", StringComparison.Ordinal)
            .Replace("persistence:\n", "persistence:\n" + persistence, StringComparison.Ordinal)
            .Replace("system:\n", "system:\n" + system, StringComparison.Ordinal);
        Assert.Contains("persistence:\n" + persistence, yaml, StringComparison.Ordinal);
        Assert.Contains("system:\n" + system, yaml, StringComparison.Ordinal);
        if (cluster is null)
        {
            var ports = FreePorts.Pair();
            cluster = $"  silo_port: {ports.Silo}\n  gateway_port: {ports.Gateway}\n";
        }

        yaml += $"\ncluster:\n{cluster}telemetry:\n  enabled: false\n";
        Settings = Path.Combine(Root, "settings", "settings.yaml");
        File.WriteAllText(Settings, yaml);
    }

    public const string DefaultJob = "settings.yaml";

    public const string PortfolioJob = "portfolio.yaml";

    public string Root { get; }

    public string Settings { get; }

    public string StateDirectory => Path.Combine(Root, "output", "state");

    /// <summary>The run folders written so far (output/&lt;run id&gt;), by run id.</summary>
    public string RunFolder(string runId) => Path.Combine(Root, "output", runId);

    /// <summary>trades.csv and equity.csv of a run, and report.json without its wall-clock and per-process parts.</summary>
    public RunFiles Read(string runId)
    {
        var folder = RunFolder(runId);
        return new RunFiles(File.ReadAllText(Path.Combine(folder, "trades.csv")), File.ReadAllText(Path.Combine(folder, "equity.csv")));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The files a resumed run must reproduce byte for byte.</summary>
public sealed record RunFiles(string Trades, string Equity)
{
    /// <summary>Execution ids of the closed trades, in order.</summary>
    public IReadOnlyList<string> ExecutionIds => Trades.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
}
