using System.Diagnostics;

namespace AlgoSpace.Tests.Support;

/// <summary>
/// A program from Debian's packages that a test needs (redis-server, tmux): its path, from a script of the project's
/// that installs the package when the machine lacks it (scripts/debian-tool.sh), so that a fresh machine needs no
/// manual step.
/// </summary>
public static class MachineTool
{
    /// <summary>Runs scripts/<paramref name="script"/> with <paramref name="arguments"/> and returns the path it prints last.</summary>
    public static string Find(string script, params string[] arguments)
    {
        var path = RepositoryRoot.File("scripts", script);
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(path);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{path} {string.Join(' ', arguments)} did not finish within 10 minutes.");
        }

        var found = stdout.Trim().Split('\n').LastOrDefault()?.Trim();
        if (process.ExitCode != 0 || string.IsNullOrEmpty(found) || !File.Exists(found))
        {
            throw new InvalidOperationException(
                $"{path} {string.Join(' ', arguments)} could not provide the program (exit code {process.ExitCode}, printed '{found}'): "
                + $"run it as root with access to Debian's package repository.\n{stderr.Result}");
        }

        return found;
    }
}
