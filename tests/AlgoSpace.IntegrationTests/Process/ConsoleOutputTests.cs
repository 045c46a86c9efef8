using System.Text.RegularExpressions;
using AlgoSpace.Tests.Recovery;

namespace AlgoSpace.Tests.Process;

/// <summary>
/// The default job as a person sees it on a terminal: run in a real pseudo-terminal (tmux), its screen read while
/// it runs and its scrollback after it ends (docs/console.md).
/// </summary>
public sealed partial class ConsoleOutputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>The INFO lines a terminal shows: configuration loaded, ready, stopped, the log file's path (start and end), the run's steps.</summary>
    private static readonly int[] Milestones = [100, 110, 112, 114, 240, 1523];

    [Fact]
    public async Task On_a_terminal_the_default_job_shows_a_live_display_and_the_summary_once_without_an_info_flood_or_a_warning()
    {
        // The default job in a tree of its own (free ports, its own output folder), run as the README runs it, on a
        // terminal: CI is unset because a CI variable turns the display off (the test checks the display itself).
        using var tree = new DefaultJobTree(progressInterval: null);
        var exitFile = Path.Combine(tree.Root, "exit-code");
        using var terminal = TerminalSession.Start(
            $"cd '{RepositoryRoot.Path}' && env -u CI dotnet '{SiloProcess.SiloAssembly}' --config '{tree.Settings}'; echo $? > '{exitFile}'", 160, 50);

        var whileRunning = new List<string>();
        var deadline = DateTime.UtcNow + Timeout;
        while (!File.Exists(exitFile))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The default job did not end within {Timeout}:\n{terminal.Capture(scrollback: true)}");
            var screen = terminal.Capture();
            if (!File.Exists(exitFile)) whileRunning.Add(screen);
            await Task.Delay(100);
        }

        var scrollback = terminal.Capture(scrollback: true);
        Assert.True(File.ReadAllText(exitFile).Trim() == "0", scrollback);

        // The display was on the screen while the run ran: the panel with the progress and the trader's figures.
        var display = whileRunning.LastOrDefault(s => DisplayProgress().IsMatch(s));
        Assert.True(display is not null, $"no live display in {whileRunning.Count} screens; the last:\n{whileRunning.LastOrDefault()}");
        Assert.Contains("AlgoSpace · backtest-", display, StringComparison.Ordinal);
        Assert.Matches(@"Trades \d+ +Net P&L", display);
        Assert.Matches(@"Components .*12 running +Warnings \d+ +Errors \d+", display);
        Assert.Contains("silo.log", display, StringComparison.Ordinal);

        // No INFO flood: of INFO lines, only the milestones; and no warning at all in a normal run.
        var lines = scrollback.Split('\n');
        var info = lines.Select(l => LogLine().Match(l)).Where(m => m.Success && m.Groups["level"].Value == "info").ToList();
        Assert.All(info, m => Assert.Contains(int.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), Milestones));
        Assert.InRange(info.Count, 5, 20);
        Assert.DoesNotContain(lines, l => LogLine().Match(l) is { Success: true } m && m.Groups["level"].Value != "info");

        // The summary table once, with the log file's path under it.
        Assert.Single(lines, l => l.StartsWith("Run backtest-", StringComparison.Ordinal) && l.Contains(": backtest of ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("  Net P&L ", StringComparison.Ordinal));
        var log = Assert.Single(lines, l => l.StartsWith("  Log ", StringComparison.Ordinal))["  Log ".Length..].Trim();

        // The full log is in the run folder, without the display's escape sequences.
        var text = File.ReadAllText(log);
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("info: AlgoSpace.Grains.Kernel.ComponentFleet[202] Component data_handler", text, StringComparison.Ordinal);
        Assert.Contains("AlgoSpace stopped with exit code 0", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d+\.\d % +sim \d{4}-\d\d-\d\d \d\d:\d\d +[\d,]+ ticks +[\d,]+ ticks/s")]
    private static partial Regex DisplayProgress();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} (?<level>trce|dbug|info|warn|fail|crit): \S+\[(?<id>\d+)\]")]
    private static partial Regex LogLine();
}
