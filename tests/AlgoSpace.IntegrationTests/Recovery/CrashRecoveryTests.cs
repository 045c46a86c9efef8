using AlgoSpace.Grains.Interfaces;
using AlgoSpace.Tests.Persistence;

namespace AlgoSpace.Tests.Recovery;

/// <summary>
/// The default job, interrupted at random points in real silo processes and started again each time, ends with
/// trades.csv and equity.csv byte-identical to an uninterrupted run's: SIGKILL and SIGTERM, on the file store and on
/// Redis, and kills while a restore or the shutdown's own save is under way. The points are drawn from a seed
/// (ALGOSPACE_RECOVERY_SEED replays a failure) and spread over the whole file: 20 SIGKILL points on the file store.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class CrashRecoveryTests
{
    /// <summary>Ticks in the default job's file (data/sample/ES-ticks-eth-20d.csv.gz).</summary>
    private const int FileTicks = 319_837;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("ALGOSPACE_RECOVERY_SEED"), out var seed) ? seed : 20261206;

    private static Lazy<Task<RunFiles>> Uninterrupted => DefaultJobBaseline.Uninterrupted;

    /// <summary>
    /// Ticks left unreached at the end of the file: a signal sent at a point must land while the run is still under way
    /// (the interrupter reads the progress every 0.05 s, and a loaded machine replays about 9,000 ticks a second), or
    /// the run ends on its own and the next incarnation starts a new one.
    /// </summary>
    private const int EndMargin = 20_000;

    /// <summary>
    /// <paramref name="count"/> kill points of chain <paramref name="chain"/>: the file cut into <paramref name="chains"/>
    /// × <paramref name="count"/> equal stretches, one point drawn in each, so that every chain reaches across the whole file.
    /// The generator's seed is derived arithmetically (not with <see cref="HashCode"/>, which is salted per process) so
    /// that ALGOSPACE_RECOVERY_SEED really replays a failure's points.
    /// </summary>
    private static long[] Points(int chain, int chains, int count)
    {
        var random = new Random(unchecked(Seed * 31 + chain));
        var stretch = (FileTicks - 1_000 - EndMargin) / (chains * count);
        return Enumerable.Range(0, count)
            .Select(i => 1_000 + (long)(i * chains + chain) * stretch + random.Next(stretch))
            .ToArray();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Sigkill_at_random_points_on_the_file_store_resumes_to_the_same_trades(int chain)
    {
        var expected = await Uninterrupted.Value;
        using var tree = new DefaultJobTree();
        var run = new RunInterrupter(tree);
        var points = Points(chain, chains: 4, count: 5);
        foreach (var point in points) await run.InterruptAtAsync(point, RunInterrupter.Sigkill);
        var resumed = await run.FinishAsync();

        AssertSameRun(expected, resumed, run, $"seed {Seed}, SIGKILL at {string.Join(", ", points)} ticks");
    }

    [Fact]
    public async Task Sigterm_at_random_points_resumes_to_the_same_trades()
    {
        var expected = await Uninterrupted.Value;
        using var tree = new DefaultJobTree();
        var run = new RunInterrupter(tree);
        var points = Points(chain: 4, chains: 5, count: 4);
        foreach (var point in points) await run.InterruptAtAsync(point, RunInterrupter.Sigterm);
        var resumed = await run.FinishAsync();

        AssertSameRun(expected, resumed, run, $"seed {Seed}, SIGTERM at {string.Join(", ", points)} ticks");
        Assert.All(run.Outputs.Skip(1), o => Assert.Contains("Resuming run", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigkill_at_random_points_on_redis_resumes_to_the_same_trades()
    {
        var expected = await Uninterrupted.Value;
        using var redis = await RedisServer.StartAsync();
        using var tree = new DefaultJobTree("  provider: redis\n  redis_connection: ${env:ALGOSPACE_TEST_REDIS}\n");
        var run = new RunInterrupter(tree, new Dictionary<string, string> { ["ALGOSPACE_TEST_REDIS"] = redis.ConnectionString });
        var points = Points(chain: 3, chains: 5, count: 4);
        foreach (var point in points) await run.InterruptAtAsync(point, RunInterrupter.Sigkill);
        var resumed = await run.FinishAsync();

        AssertSameRun(expected, resumed, run, $"seed {Seed}, SIGKILL on Redis at {string.Join(", ", points)} ticks");
        Assert.False(Directory.Exists(tree.StateDirectory) && Directory.EnumerateFiles(tree.StateDirectory, "*.state").Any(), "state went to files, not Redis");
    }

    [Fact]
    public async Task A_kill_during_the_shutdowns_save_and_a_kill_during_restore_resume_to_the_same_trades()
    {
        var expected = await Uninterrupted.Value;
        using var tree = new DefaultJobTree();
        var run = new RunInterrupter(tree);
        var points = Points(chain: 0, chains: 1, count: 3);
        await run.InterruptAtAsync(points[0], RunInterrupter.Sigkill);
        await run.KillDuringRestoreAsync();
        await run.KillDuringShutdownSaveAsync(points[1]);
        await run.KillDuringRestoreAsync();
        await run.InterruptAtAsync(points[2], RunInterrupter.Sigkill);
        var resumed = await run.FinishAsync();

        AssertSameRun(expected, resumed, run, $"seed {Seed}, kills during restore and save around {string.Join(", ", points)} ticks");
    }

    private static void AssertSameRun(RunFiles expected, RunFiles resumed, RunInterrupter run, string what)
    {
        // Resumed, not started afresh: every later incarnation restored the first one's run.
        Assert.All(run.Outputs.Skip(1), o => Assert.DoesNotContain("new run backtest-", o, StringComparison.Ordinal));
        Assert.True(expected.Trades == resumed.Trades, $"{what}: trades.csv differs.\nexpected:\n{expected.Trades}\nresumed:\n{resumed.Trades}");
        Assert.True(expected.Equity == resumed.Equity, $"{what}: equity.csv differs.\nexpected:\n{expected.Equity}\nresumed:\n{resumed.Equity}");
        Assert.True(resumed.ExecutionIds.Count >= 3, resumed.Trades);
        Assert.Equal(resumed.ExecutionIds.Distinct().Count(), resumed.ExecutionIds.Count);
        // The journal: nothing acknowledged before a crash was produced differently, or not at all, by the replay.
        Assert.All(run.Outputs, o =>
        {
            Assert.DoesNotContain("was not produced again by the replay", o, StringComparison.Ordinal);
            Assert.DoesNotContain("produced again with other content", o, StringComparison.Ordinal);
        });
    }
}

/// <summary>A state file damaged on disk after a crash: the run refuses to resume, names the file, and keeps it.</summary>
[Collection(RecoveryCollection.Name)]
public sealed class DamagedCheckpointTests
{
    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped")]
    public async Task A_damaged_piece_of_the_checkpoint_stops_the_resume_with_exit_3_naming_the_file_and_keeps_it(string damage)
    {
        using var tree = new DefaultJobTree();
        var run = new RunInterrupter(tree);
        await run.InterruptAtAsync(120_000, RunInterrupter.Sigkill);
        var file = Path.Combine(tree.StateDirectory, "componenthost~execution_handler~component.state");
        var content = await File.ReadAllBytesAsync(file);
        var damaged = damage == "truncated" ? content[..(content.Length / 2)] : Flip(content, content.Length / 2);
        await File.WriteAllBytesAsync(file, damaged);

        using var silo = Process.SiloProcess.Start(["--config", tree.Settings]);
        var code = await silo.WaitForExitAsync(RunInterrupter.RunTimeout);

        Assert.True(code == ExitCodes.CriticalComponentFailed, $"exit {code}\n{silo.Output}\n{silo.Error}");
        Assert.Contains("Saved state cannot be read", silo.Output, StringComparison.Ordinal);
        Assert.Contains("componenthost~execution_handler~component.state", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AlgoSpace ready in", silo.Output, StringComparison.Ordinal);
        Assert.Equal(damaged, await File.ReadAllBytesAsync(file));
    }

    private static byte[] Flip(byte[] content, int at)
    {
        var copy = content.ToArray();
        copy[at] ^= 0x5A;
        return copy;
    }
}
