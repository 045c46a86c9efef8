using System.Diagnostics;
using System.Text;

namespace AlgoSpace.Tests.Process;

/// <summary>
/// A real silo process (the built AlgoSpace.Silo.dll run by `dotnet`), for tests about exit codes, output,
/// signals and restarts that only a separate process can show.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private SiloProcess(System.Diagnostics.Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_error) _error.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The silo built alongside this test assembly (same configuration: Debug or Release).</summary>
    public static string SiloAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = RepositoryRoot.File("src", "Silo", "bin", configuration, "net10.0", "AlgoSpace.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Silo first.", path);
        }
    }

    public static SiloProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(SiloAssembly);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return new SiloProcess(System.Diagnostics.Process.Start(info)!);
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    public int Id => _process.Id;

    /// <summary>Sends a POSIX signal (SIGTERM = 15, SIGINT = 2) to the silo, as an operator or an orchestrator would.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Waits for the process to exit and returns its exit code; kills it and fails after the timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The silo did not exit within {timeout}.\nstdout:\n{Output}\nstderr:\n{Error}");
        }

        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>Waits until a line containing <paramref name="text"/> has been written to standard output.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' was not written.\nstdout:\n{Output}\nstderr:\n{Error}");
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
