using System.Diagnostics;
using AlgoSpace.Benchmarks.Process;
using AlgoSpace.Grains.Interfaces;

namespace AlgoSpace.Tests.Process;

/// <summary>Signals sent to a real silo process: the graceful sequence, its saved state, the emergency path.</summary>
public sealed class SiloSignalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const int Sigterm = 15;

    [Fact]
    public async Task Sigterm_runs_the_graceful_shutdown_sequence_saves_state_and_a_restart_resumes()
    {
        using var tree = new SiloProjectTree();
        var config = tree.WriteSettings("count: \"1000000\", delay_ms: \"2\"");

        string runId;
        using (var silo = SiloProcess.Start(["--config", config]))
        {
            await silo.WaitForOutputAsync("AlgoSpace ready in", Timeout);
            await Task.Delay(300);
            silo.Signal(Sigterm);
            var code = await silo.WaitForExitAsync(Timeout);

            Assert.True(code == ExitCodes.Success, silo.Output + silo.Error);
            var output = silo.Output;
            var steps = new[] { "Received SIGTERM", "Shutdown step 1, stop data: done", "Shutdown step 2, keep the simulated book: done", "Shutdown step 3, drain the bus: done", "Shutdown step 4, write the backtest report: done", "Shutdown step 5, save state and stop components: done", "AlgoSpace stopped with exit code 0" };
            var positions = steps.Select(s => output.IndexOf(s, StringComparison.Ordinal)).ToList();
            Assert.True(positions.All(p => p >= 0), $"missing step in:\n{output}");
            Assert.Equal(positions.Order(), positions);
            runId = System.Text.RegularExpressions.Regex.Match(output, @"run (backtest-\S+),").Groups[1].Value;
            Assert.NotEmpty(runId);
        }

        Assert.NotEmpty(Directory.GetFiles(tree.StateDirectory, "*.state"));

        using (var restarted = SiloProcess.Start(["--config", config]))
        {
            await restarted.WaitForOutputAsync("AlgoSpace ready in", Timeout);
            restarted.Signal(Sigterm);
            Assert.Equal(ExitCodes.Success, await restarted.WaitForExitAsync(Timeout));
            Assert.Contains($"Resuming run {runId} (restart 1)", restarted.Output, StringComparison.Ordinal);
            Assert.Contains("Component recorder (test_recorder): Initialized  (restored state: True)", restarted.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_second_signal_runs_the_emergency_path_within_five_seconds_and_exits_4()
    {
        using var tree = new SiloProjectTree();
        // Each event takes the recorder 3 s, so the graceful flush cannot finish before the second signal.
        var config = tree.WriteSettings("count: \"1000\"", recorderParameters: "slow_ms: \"3000\"");
        using var silo = SiloProcess.Start(["--config", config]);
        await silo.WaitForOutputAsync("AlgoSpace ready in", Timeout);

        silo.Signal(Sigterm);
        await silo.WaitForOutputAsync("Received SIGTERM", Timeout);
        // The second signal interrupts the graceful shutdown under way (its flush waits on the slow recorder).
        await silo.WaitForOutputAsync("Shutdown sequence begins", Timeout);
        var second = Stopwatch.StartNew();
        silo.Signal(Sigterm);
        var code = await silo.WaitForExitAsync(Timeout);
        second.Stop();

        Assert.True(code == ExitCodes.EmergencyShutdown, silo.Output + silo.Error);
        Assert.True(second.Elapsed < TimeSpan.FromSeconds(5), $"emergency path took {second.Elapsed}");
        Assert.Contains("Received SIGTERM again: emergency shutdown", silo.Output, StringComparison.Ordinal);
        Assert.True(silo.Output.Contains("Emergency shutdown: second signal (SIGTERM)", StringComparison.Ordinal), silo.Output);
    }
}

/// <summary>Saved state the silo cannot read stops it with a message that names the file and what to do.</summary>
public sealed class UnreadableStateTests
{
    [Fact]
    public async Task Unreadable_saved_state_stops_the_silo_with_a_message_naming_the_file_and_keeps_it()
    {
        using var tree = new SiloProjectTree();
        var config = tree.WriteSettings("count: \"10\"");
        Directory.CreateDirectory(tree.StateDirectory);
        var damaged = Path.Combine(tree.StateDirectory, "kernel~kernel~kernel.state");
        File.WriteAllText(damaged, "not a state file");

        using var silo = SiloProcess.Start(["--config", config]);
        var code = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExitCodes.CriticalComponentFailed, code);
        Assert.Contains("Saved state cannot be read", silo.Output, StringComparison.Ordinal);
        Assert.Contains("kernel~kernel~kernel.state", silo.Output, StringComparison.Ordinal);
        Assert.Equal("not a state file", File.ReadAllText(damaged));
    }
}
