using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AlgoSpace.Benchmarks.Process;

/// <summary>
/// A real silo process whose output lines and exit are time-stamped (Stopwatch) as they happen, so that start,
/// readiness and exit can be timed without polling.
/// </summary>
public sealed class BenchSiloProcess : IDisposable
{
    public const int Sigterm = 15;

    private readonly System.Diagnostics.Process _process;
    private readonly Lock _gate = new();
    private readonly List<(long At, string Line)> _lines = [];
    private readonly List<(string Text, TaskCompletionSource<(long At, string Line)> Seen)> _waiters = [];
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource<long> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BenchSiloProcess(ProcessStartInfo info)
    {
        _process = new System.Diagnostics.Process { StartInfo = info, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) OnLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_gate) _error.AppendLine(e.Data); };
        _process.Exited += (_, _) => _exited.TrySetResult(Stopwatch.GetTimestamp());
        StartedAt = Stopwatch.GetTimestamp();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Stopwatch time just before Process.Start.</summary>
    public long StartedAt { get; }

    public static BenchSiloProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = SiloLocator.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(SiloLocator.SiloAssembly);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return new BenchSiloProcess(info);
    }

    /// <summary>The silo's process id (the dotnet host runs the silo in its own process).</summary>
    public int Id => _process.Id;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The last output line so far that contains <paramref name="text"/>, or null.</summary>
    public string? LastLine(string text)
    {
        lock (_gate)
        {
            for (var i = _lines.Count - 1; i >= 0; i--)
            {
                if (_lines[i].Line.Contains(text, StringComparison.Ordinal)) return _lines[i].Line;
            }
        }

        return null;
    }

    public string Output
    {
        get { lock (_gate) return string.Join('\n', _lines.Select(l => l.Line)) + "\nstderr:\n" + _error; }
    }

    /// <summary>The Stopwatch time and text of the first output line containing <paramref name="text"/>.</summary>
    public async Task<(long At, string Line)> WaitForLineAsync(string text, TimeSpan timeout)
    {
        Task<(long, string)> seen;
        lock (_gate)
        {
            foreach (var line in _lines)
            {
                if (line.Line.Contains(text, StringComparison.Ordinal)) return line;
            }

            var waiter = new TaskCompletionSource<(long, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, waiter));
            seen = waiter.Task;
        }

        string reason;
        try
        {
            var first = await Task.WhenAny(seen, _exited.Task).WaitAsync(timeout);
            if (first == seen) return await seen;
            reason = "the silo exited";
        }
        catch (TimeoutException)
        {
            reason = $"not within {timeout}";
        }

        throw new TimeoutException($"'{text}' was not written ({reason}).\n{Output}");
    }

    /// <summary>Sends a POSIX signal, as an operator or an orchestrator would.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed");
    }

    /// <summary>Waits for the process to exit: the Stopwatch time it exited and its exit code.</summary>
    public async Task<(long At, int Code)> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            var at = await _exited.Task.WaitAsync(timeout);
            await _process.WaitForExitAsync(); // the output readers have flushed
            return (at, _process.ExitCode);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The silo did not exit within {timeout}.\n{Output}");
        }
    }

    private void OnLine(string line)
    {
        var at = Stopwatch.GetTimestamp();
        List<TaskCompletionSource<(long, string)>> seen = [];
        lock (_gate)
        {
            _lines.Add((at, line));
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!line.Contains(_waiters[i].Text, StringComparison.Ordinal)) continue;
                seen.Add(_waiters[i].Seen);
                _waiters.RemoveAt(i);
            }
        }

        foreach (var waiter in seen) waiter.TrySetResult((at, line));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
