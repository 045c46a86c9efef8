using System.Diagnostics;
using AlgoSpace.Tests.Support;

namespace AlgoSpace.Tests.Process;

/// <summary>
/// A real pseudo-terminal: a tmux server of the test's own (its own socket, no user configuration) running one
/// command in a window of a given size, whose screen and scrollback the test reads as a person would see them.
/// tmux comes from Debian's package, installed by scripts/debian-tool.sh when missing.
/// </summary>
public sealed class TerminalSession : IDisposable
{
    private static readonly Lazy<string> Tmux = new(() => MachineTool.Find("debian-tool.sh", "tmux", "tmux"));

    private readonly string _socket = $"algospace-test-{Guid.NewGuid():N}";

    private TerminalSession()
    {
    }

    /// <summary>Starts <paramref name="shellCommand"/> (run by sh) in a <paramref name="columns"/> x <paramref name="rows"/> terminal; the pane stays readable after the command ends.</summary>
    public static TerminalSession Start(string shellCommand, int columns, int rows)
    {
        var session = new TerminalSession();
        session.Run("-f", "/dev/null", "start-server", ";", "set-option", "-g", "history-limit", "20000", ";",
            "new-session", "-d", "-s", "run", "-x", $"{columns}", "-y", $"{rows}", shellCommand, ";",
            "set-option", "-t", "run", "remain-on-exit", "on");
        return session;
    }

    /// <summary>The visible screen, or with <paramref name="scrollback"/> everything since the start; wrapped lines joined.</summary>
    public string Capture(bool scrollback = false) =>
        scrollback ? Run("capture-pane", "-p", "-J", "-t", "run", "-S", "-", "-E", "-") : Run("capture-pane", "-p", "-J", "-t", "run");

    public void Dispose()
    {
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server is gone already.
        }
    }

    private string Run(params string[] arguments)
    {
        var info = new ProcessStartInfo(Tmux.Value) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        return output;
    }
}
