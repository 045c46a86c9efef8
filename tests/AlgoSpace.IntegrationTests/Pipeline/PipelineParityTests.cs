using AlgoSpace.Grains.InProcess;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Interfaces.Kernel;
using AlgoSpace.TestComponents;
using AlgoSpace.Tests.Kernel;

namespace AlgoSpace.Tests.Pipeline;

/// <summary>
/// Parity: the in-process runner (same component classes, no Orleans) and the Orleans pipeline, and batched and
/// unbatched ticks, give the same bars, trade commands, orders, fills, positions and closed trades, in the same
/// order, with the same sequence numbers and simulation times.
/// </summary>
public sealed class PipelineParityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static async Task<(IReadOnlyList<string> Log, InProcessResult Result, List<EventEnvelope> Published)> RunInProcessAsync(string root, int batch, string journal)
    {
        var settings = TestSystem.LoadSettings(PipelineYaml.System(journal, batch), root);
        var published = new List<EventEnvelope>();
        var runner = new InProcessRunner(settings, TestSystem.Registry) { Observer = published.Add };
        var result = await runner.RunAsync();
        return (TestEventLog.Read(journal), result, published);
    }

    private static async Task<IReadOnlyList<string>> RunOrleansAsync(string root, int batch, string transport, string journal, int silos = 1)
    {
        await using var system = await TestSystem.StartAsync(PipelineYaml.System(journal, batch, transport), silos, root: CopyTree(root));
        await system.WaitForAsync(Timeout, SystemState.Stopped, SystemState.Faulted);
        return TestEventLog.Read(journal);
    }

    /// <summary>TestSystem deletes its tree when disposed; each run gets its own copy of the data.</summary>
    private static string CopyTree(string root)
    {
        var copy = Directory.CreateTempSubdirectory("algospace-pipeline-run-").FullName;
        Directory.CreateDirectory(Path.Combine(copy, "data"));
        File.Copy(Path.Combine(root, "data", "generated.csv"), Path.Combine(copy, "data", "generated.csv"));
        return copy;
    }

    private static void AssertTrades(IReadOnlyList<string> log)
    {
        // 2 days of ticks from 09:30 to 16:00 are 2 × 78 five-minute bars; a trade every second bar gives dozens of
        // commands, and with stops and targets 2 points away most of them close before the session ends.
        Assert.Contains(log, e => e.StartsWith(EventTypes.ExecuteTrade, StringComparison.Ordinal));
        Assert.True(log.Count(e => e.StartsWith(EventTypes.TradeClosed, StringComparison.Ordinal)) >= 10, string.Join('\n', log.Take(40)));
    }

    [Fact]
    public async Task Batched_and_unbatched_ticks_give_the_same_bars_orders_and_trades()
    {
        var root = PipelineYaml.TreeWithTicks();
        var one = await RunInProcessAsync(root, 1, $"batch1-{Guid.NewGuid():N}");
        var thousand = await RunInProcessAsync(root, 1000, $"batch1000-{Guid.NewGuid():N}");

        AssertTrades(one.Log);
        Assert.Equal(one.Log, thousand.Log);
        // About 2 × 6,000 ticks (the generator varies the count per day); both runs publish every one of them.
        Assert.InRange(one.Result.Ticks, 11_000, 13_000);
        Assert.Equal(one.Result.Ticks, thousand.Result.Ticks);
        // Batching is real: far fewer NEW_TICK events than ticks, and every batch keeps within one 5-minute bucket.
        var batches = thousand.Published.Where(e => e.Type == EventTypes.NewTick).Select(e => (TickBatchPayload)e.Payload!).ToList();
        Assert.True(batches.Count < 1_000, $"{batches.Count} batches");
        Assert.All(batches, b => Assert.All(b.Ticks, t => Assert.Equal(Bucket(b.Ticks[0].Timestamp), Bucket(t.Timestamp))));
        Directory.Delete(root, recursive: true);
    }

    private static DateTime Bucket(DateTime time) => AlgoSpace.MarketData.Bars.BarClock.Floor(time, 5);

    [Theory]
    [InlineData("broadcast", 1000, 1)]
    [InlineData("broadcast", 1, 1)]
    [InlineData("stream", 1000, 1)]
    [InlineData("broadcast", 1000, 2)]
    public async Task Orleans_pipeline_matches_the_in_process_runner(string transport, int batch, int silos)
    {
        var root = PipelineYaml.TreeWithTicks();
        var reference = await RunInProcessAsync(root, batch, $"ref-{Guid.NewGuid():N}");
        var orleans = await RunOrleansAsync(root, batch, transport, $"orleans-{Guid.NewGuid():N}", silos);

        AssertTrades(reference.Log);
        Assert.Equal(reference.Log, orleans);
        Directory.Delete(root, recursive: true);
    }
}
