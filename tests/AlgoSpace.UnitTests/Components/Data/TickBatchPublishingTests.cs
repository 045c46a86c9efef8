using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>event_bus.tick_batch_size &gt; 1: the data handler publishes NEW_TICK batches cut at bar boundaries.</summary>
public sealed class TickBatchPublishingTests
{
    private const string TickFile = """
        timestamp,price,volume
        2024-01-02T09:34:58.000,4750.25,3
        2024-01-02T09:34:59.000,4750.50,1
        not,a,row
        2024-01-02T09:35:00.000,4750.25,2
        2024-01-02T09:35:01.000,4751.00,5
        2024-01-02T09:35:02.000,4750.75,1
        2024-01-02T09:35:03.000,4750.50,1
        """;

    [Fact]
    public async Task Ticks_go_out_in_batches_cut_at_the_bar_boundary_and_at_the_cap_with_their_unbatched_seqs()
    {
        using var file = TempDataFile.WithText(TickFile);
        var harness = new DataHandlerHarness(file.Path, tickBatchSize: 3);
        await harness.RunAsync();

        var batches = harness.Bus.Published.Where(e => e.Type == EventTypes.NewTick).Select(e => (TickBatchPayload)e.Payload!).ToList();
        // 2 ticks of the 09:30 bucket; then 4 of the 09:35 bucket, cut at the cap of 3: sizes 2, 3, 1.
        Assert.Equal([2, 3, 1], batches.Select(b => b.Ticks.Count));
        // Seqs as unbatched: 1-2, 3-5, 6 (the bad row is not a tick and takes no seq).
        Assert.Equal([1L, 3L, 6L], batches.Select(b => b.FirstTickSeq));
        Assert.Equal([4750.25, 4750.50, 4750.25, 4751.00, 4750.75, 4750.50], batches.SelectMany(b => b.Ticks).Select(t => t.Price));
        Assert.Equal(new BacktestCompletePayload(TotalRows: 7, ErrorCount: 1, SuccessCount: 6), harness.Complete());
    }

    [Fact]
    public async Task A_paced_replay_publishes_one_tick_per_event_whatever_the_batch_size()
    {
        using var file = TempDataFile.WithText(TickFile);
        var harness = new DataHandlerHarness(file.Path, s => new DataHandlerSettings { BacktestFile = s.BacktestFile, ReplaySpeed = 1_000_000 }, tickBatchSize: 1000);
        await harness.RunAsync();

        Assert.All(harness.Bus.Published.Where(e => e.Type == EventTypes.NewTick), e => Assert.IsType<TickPayload>(e.Payload));
    }
}
