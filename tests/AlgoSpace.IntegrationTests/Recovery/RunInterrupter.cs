using System.Text.RegularExpressions;
using AlgoSpace.Tests.Process;

namespace AlgoSpace.Tests.Recovery;

/// <summary>
/// Runs the default job in real silo processes and interrupts them where a test says: at a number of ticks
/// published (read from the silo's progress lines), while a restore is under way, or during the shutdown's
/// own save; then starts the silo again until a run ends on its own. Every incarnation's output is kept.
/// </summary>
public sealed partial class RunInterrupter(DefaultJobTree tree, IDictionary<string, string>? environment = null)
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);
    public const int Sigkill = 9;
    public const int Sigterm = 15;

    private readonly List<string> _outputs = [];

    /// <summary>stdout and stderr of every incarnation so far.</summary>
    public IReadOnlyList<string> Outputs => _outputs;

    /// <summary>The run id the first incarnation started.</summary>
    public string? RunId { get; private set; }

    /// <summary>Starts the silo and sends <paramref name="signal"/> once the data handler has published <paramref name="ticks"/> ticks.</summary>
    public async Task InterruptAtAsync(long ticks, int signal)
    {
        using var silo = Start();
        await WaitForPublishedAsync(silo, ticks);
        AssertStillRunning(silo, ticks);
        silo.Signal(signal);
        await EndAsync(silo, signal == Sigkill ? null : 0);
    }

    /// <summary>A signal that arrives after the run ended interrupts nothing; the test would then check a run it never interrupted.</summary>
    private static void AssertStillRunning(SiloProcess silo, long ticks) =>
        Assert.False(silo.Output.Contains("AlgoSpace stopped with exit code", StringComparison.Ordinal),
            $"the run ended on its own before the signal at {ticks} ticks; choose a point further from the end of the file:\n{silo.Output}");

    /// <summary>Starts the silo and kills it as soon as it says it is restoring a checkpoint (the components are being created).</summary>
    public async Task KillDuringRestoreAsync()
    {
        using var silo = Start();
        await silo.WaitForOutputAsync("Resuming run", RunTimeout);
        silo.Signal(Sigkill);
        await EndAsync(silo, null);
    }

    /// <summary>Starts the silo, asks for a graceful shutdown after <paramref name="ticks"/> ticks, and kills it once the data is stopped (in the save).</summary>
    public async Task KillDuringShutdownSaveAsync(long ticks)
    {
        using var silo = Start();
        await WaitForPublishedAsync(silo, ticks);
        AssertStillRunning(silo, ticks);
        silo.Signal(Sigterm);
        await silo.WaitForOutputAsync("Shutdown step 1, stop data: done", RunTimeout);
        silo.Signal(Sigkill);
        await EndAsync(silo, null);
    }

    /// <summary>Starts the silo and lets the run end on its own; returns the run's files.</summary>
    public async Task<RunFiles> FinishAsync()
    {
        using var silo = Start();
        await EndAsync(silo, 0);
        return tree.Read(RunId!);
    }

    private SiloProcess Start() => SiloProcess.Start(["--config", tree.Settings], environment);

    private async Task EndAsync(SiloProcess silo, int? expected)
    {
        var code = await silo.WaitForExitAsync(RunTimeout);
        var output = silo.Output + silo.Error;
        _outputs.Add(output);
        RunId ??= RunIdIn(output);
        Assert.True(expected is null || code == expected, $"exit code {code}, expected {expected}:\n{output}");
    }

    /// <summary>Waits until the data handler reports at least <paramref name="ticks"/> ticks published (or the run has ended).</summary>
    private static async Task WaitForPublishedAsync(SiloProcess silo, long ticks)
    {
        var deadline = DateTime.UtcNow + RunTimeout;
        while (LastPublished(silo.Output) < ticks)
        {
            if (silo.Output.Contains("AlgoSpace stopped with exit code", StringComparison.Ordinal)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{ticks} ticks were not published:\n{silo.Output}\n{silo.Error}");
            await Task.Delay(5);
        }
    }

    /// <summary>The ticks published as the last progress line in <paramref name="output"/> says; 0 before the first.</summary>
    internal static long LastPublished(string output)
    {
        var matches = PublishedPattern().Matches(output);
        return matches.Count == 0 ? 0 : long.Parse(matches[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The run id a silo's output names first; null when it names none.</summary>
    internal static string? RunIdIn(string output) => RunIdPattern().Match(output) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"Replay [\d.]+ % of the file: (\d+) ticks")]
    private static partial Regex PublishedPattern();

    [GeneratedRegex(@"run (backtest-\d{8}T\d{6}-\d+)")]
    private static partial Regex RunIdPattern();
}
