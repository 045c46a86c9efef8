using AlgoSpace.Grains.Components.Data;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>Batches are cut before a tick that opens a new bucket of any timeframe, and at the size cap.</summary>
public sealed class TickBatcherTests
{
    private static TickPayload Tick(string time) => new("ES", DateTime.Parse($"2024-01-02T{time}", System.Globalization.CultureInfo.InvariantCulture), 4750, 1, null, null);

    [Fact]
    public void A_tick_in_a_new_five_minute_bucket_ends_the_batch_and_starts_the_next()
    {
        var batcher = new TickBatcher([5, 30], 100);
        Assert.Null(batcher.Add(Tick("09:30:00"), 1));
        Assert.Null(batcher.Add(Tick("09:34:59.999"), 2));
        // 09:35:00 is the first tick of the 09:35 bucket: it closes the 09:30 bar, so it must lead the next batch.
        var ended = batcher.Add(Tick("09:35:00"), 3);

        Assert.NotNull(ended);
        Assert.Equal(2, ended.Ticks.Count);
        Assert.Equal(1, ended.FirstTickSeq);
        Assert.Equal(1, batcher.Count);
        Assert.Equal(3, batcher.Take()!.FirstTickSeq);
    }

    [Fact]
    public void Every_configured_timeframe_cuts_not_only_the_smallest()
    {
        // With 3- and 5-minute bars, 09:33 opens a 3-minute bucket inside the 09:30 five-minute one.
        var batcher = new TickBatcher([5, 3], 100);
        batcher.Add(Tick("09:30:10"), 1);
        Assert.NotNull(batcher.Add(Tick("09:33:00"), 2));
    }

    [Fact]
    public void A_tick_back_in_time_to_an_older_bucket_ends_the_batch()
    {
        var batcher = new TickBatcher([5], 100);
        batcher.Add(Tick("09:35:10"), 1);
        Assert.NotNull(batcher.Add(Tick("09:34:00"), 2));
    }

    [Fact]
    public void The_size_cap_ends_a_batch_inside_one_bar()
    {
        var batcher = new TickBatcher([5], 3);
        batcher.Add(Tick("09:30:01"), 1);
        batcher.Add(Tick("09:30:02"), 2);
        Assert.False(batcher.IsFull);
        batcher.Add(Tick("09:30:03"), 3);
        Assert.True(batcher.IsFull);
        // The fourth tick of the same bucket starts a new batch: 3 + 1, first seqs 1 and 4.
        var ended = batcher.Add(Tick("09:30:04"), 4);
        Assert.Equal(3, ended!.Ticks.Count);
        Assert.Equal(4, batcher.Held()!.FirstTickSeq);
    }

    [Fact]
    public void Held_ticks_are_a_copy_that_later_adds_do_not_change()
    {
        var batcher = new TickBatcher([5], 10);
        batcher.Add(Tick("09:30:01"), 7);
        var held = batcher.Held()!;
        batcher.Add(Tick("09:30:02"), 8);
        Assert.Single(held.Ticks);
        Assert.Equal(7, held.FirstTickSeq);
        Assert.Null(new TickBatcher([5], 10).Take());
    }
}
