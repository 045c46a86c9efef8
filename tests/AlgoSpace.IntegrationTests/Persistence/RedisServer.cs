using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AlgoSpace.Tests.Persistence;

/// <summary>
/// A private redis-server child process on 127.0.0.1 and a free port, saving nothing to disk, killed on dispose.
/// The binary comes from scripts/redis.sh, which installs Debian's package when it is missing; when it cannot,
/// starting fails with the script's own explanation so that the test fails rather than silently skipping.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<string> Binary = new(FindBinary);

    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();
    private readonly TempDirectory _workDirectory;

    private RedisServer(System.Diagnostics.Process process, int port, TempDirectory workDirectory)
    {
        _process = process;
        _workDirectory = workDirectory;
        Port = port;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the server; <paramref name="configuration"/> adds redis-server options (for example
    /// <c>--requirepass</c> or <c>--user</c> ACL rules), each word an argument.</summary>
    public static async Task<RedisServer> StartAsync(params string[] configuration)
    {
        var binary = Binary.Value;

        // The port is free when chosen but could be taken before redis binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(binary, FreeLoopbackPort(), configuration);
            try
            {
                await server.WaitUntilAcceptingAsync();
                return server;
            }
            catch (Exception) when (attempt < 3 && server._process.HasExited)
            {
                server.Dispose();
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            _workDirectory.Dispose();
        }
    }

    private static RedisServer Launch(string binary, int port, string[] configuration)
    {
        var workDirectory = new TempDirectory();
        var info = new ProcessStartInfo(binary)
        {
            WorkingDirectory = workDirectory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes",
            "--dir", workDirectory.Path, "--logfile", "",
            .. configuration,
        ];
        foreach (var arg in arguments) info.ArgumentList.Add(arg);

        return new RedisServer(System.Diagnostics.Process.Start(info)!, port, workDirectory);
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} before accepting connections:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            catch (SocketException ex)
            {
                throw new TimeoutException($"redis-server did not accept connections on {ConnectionString} within {StartTimeout}:\n{Output}", ex);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindBinary() => Support.MachineTool.Find("redis.sh");
}
