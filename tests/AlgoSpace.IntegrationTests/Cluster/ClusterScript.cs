using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AlgoSpace.Tests.Process;

namespace AlgoSpace.Tests.Cluster;

/// <summary>
/// scripts/cluster.sh run as a user runs it, on ports and in a folder of the test's own: free port ranges (never the
/// defaults), everything under output/tests/ (the settings' path rules keep the silos' output inside the project),
/// and the silo and feed this test assembly was built with. Dispose stops whatever is left.
/// </summary>
public sealed class ClusterScript : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(5);

    /// <param name="silos">How many silos the test may start: each needs a silo, gateway and telemetry port.</param>
    public ClusterScript(int silos = 2)
    {
        Directory = RepositoryRoot.File("output", "tests", $"cluster-{Guid.NewGuid():N}");
        RedisPort = FreeRange(1);
        SiloPort = FreeRange(silos);
        GatewayPort = FreeRange(silos);
        Environment = new Dictionary<string, string>
        {
            ["ALGOSPACE_CLUSTER_DIR"] = Directory,
            ["ALGOSPACE_CLUSTER_REDIS_PORT"] = Text(RedisPort),
            ["ALGOSPACE_CLUSTER_SILO_PORT"] = Text(SiloPort),
            ["ALGOSPACE_CLUSTER_GATEWAY_PORT"] = Text(GatewayPort),
            ["ALGOSPACE_CLUSTER_HTTP_PORT"] = Text(FreeRange(silos)),
            ["ALGOSPACE_CLUSTER_FEED_PORT"] = Text(FreeRange(1)),
            ["ALGOSPACE_CLUSTER_FEED_RATE"] = "100",
            ["ALGOSPACE_CLUSTER_STOP_TIMEOUT"] = "45",
            ["ALGOSPACE_CLUSTER_BUILD"] = "0",
            ["ALGOSPACE_CLUSTER_CONFIGURATION"] = new DirectoryInfo(Path.GetDirectoryName(SiloProcess.SiloAssembly)!).Parent!.Name,
        };
    }

    public string Directory { get; }
    public int RedisPort { get; }
    public int SiloPort { get; }
    public int GatewayPort { get; }
    public IReadOnlyDictionary<string, string> Environment { get; }

    public string RedisConnection => $"127.0.0.1:{RedisPort}";

    /// <summary>Runs <c>scripts/cluster.sh ARGS</c> and returns its exit code and what it printed (both streams).</summary>
    public async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepositoryRoot.File("scripts", "cluster.sh"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in Environment) info.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster.sh {string.Join(' ', args)} did not finish within {CallTimeout}:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The pids in the cluster folder's pid files (redis, feed, silos).</summary>
    public IReadOnlyList<int> Pids() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, "*.pid").Select(f => int.Parse(File.ReadAllText(f).Trim(), CultureInfo.InvariantCulture)).ToList()
            : [];

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        // A failed test must not leave its cluster running: down, then anything still alive among its own pids.
        var pids = Pids();
        if (pids.Any(IsRunning)) _ = RunAsync("down").GetAwaiter().GetResult();
        foreach (var pid in Pids().Concat(pids).Where(IsRunning))
        {
            try { System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
        }

        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first of <paramref name="count"/> consecutive ports that nothing listens on now.</summary>
    private static int FreeRange(int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var first = Random.Shared.Next(20_000, 60_000);
            var listeners = new List<TcpListener>();
            try
            {
                for (var port = first; port < first + count; port++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, port);
                    listener.Start();
                    listeners.Add(listener);
                }

                return first;
            }
            catch (SocketException) when (attempt < 50)
            {
                // Taken: try another range.
            }
            finally
            {
                foreach (var listener in listeners) listener.Stop();
            }
        }
    }
}
