using AlgoSpace.Grains.Components.Data;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Portfolio;

/// <summary>
/// A portfolio's ticks published window by window: one 5-minute bucket at a time, instrument by instrument in the
/// order of the symbols, each instrument's ticks in order, at most the batch size per batch, positions numbered in
/// publishing order; the same order whatever the batch size, and the same after a save and restore.
/// </summary>
public sealed class TickWindowTests
{
    private static readonly string[] Symbols = ["ES", "NQ", "CL"];

    private static TickPayload Tick(string symbol, int minute, int second) =>
        new(symbol, new DateTime(2024, 1, 2, 10, minute, second), 100, 1, null, null);

    /// <summary>Two windows: 10:00-10:05 (ticks of all three, interleaved) and 10:05 on.</summary>
    private static readonly TickPayload[] Merged =
    [
        Tick("NQ", 0, 1), Tick("ES", 0, 2), Tick("CL", 0, 3), Tick("NQ", 1, 0), Tick("ES", 2, 0), Tick("ES", 4, 59),
        Tick("CL", 5, 0), Tick("ES", 5, 1), Tick("CL", 6, 0),
    ];

    private static List<TickBatchPayload> Publish(int batchSize, int restoreAfter = -1)
    {
        var window = new TickWindow(Symbols, [5, 30], batchSize);
        var published = new List<TickBatchPayload>();
        for (var i = 0; i < Merged.Length; i++)
        {
            published.AddRange(window.Add(Merged[i], i + 1) ?? []);
            if (i != restoreAfter || window.Held() is not { } held) continue;
            window = new TickWindow(Symbols, [5, 30], batchSize);
            window.Restore(held);
        }

        published.AddRange(window.Take());
        return published;
    }

    private static List<string> Order(IEnumerable<TickBatchPayload> batches) =>
        batches.SelectMany(b => b.Ticks.Select((t, i) => $"{b.FirstTickSeq + i} {t.Symbol} {t.Timestamp:mm:ss}")).ToList();

    [Fact]
    public void A_window_goes_out_instrument_by_instrument_in_the_order_of_the_symbols()
    {
        var batches = Publish(batchSize: 1000);

        Assert.Equal(
            ["1 ES 00:02", "2 ES 02:00", "3 ES 04:59", "4 NQ 00:01", "5 NQ 01:00", "6 CL 00:03", "7 ES 05:01", "8 CL 05:00", "9 CL 06:00"],
            Order(batches));
        // One batch per instrument and window, each holding one instrument's ticks.
        Assert.Equal(["ES", "NQ", "CL", "ES", "CL"], batches.Select(b => ((IInstrumentPayload)b).Symbol));
        Assert.All(batches, b => Assert.All(b.Ticks, t => Assert.Equal(b.Ticks[0].Symbol, t.Symbol)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_batch_size_cuts_batches_but_not_the_order(int batchSize)
    {
        var batches = Publish(batchSize);
        Assert.Equal(Order(Publish(1000)), Order(batches));
        Assert.All(batches, b => Assert.True(b.Ticks.Count <= batchSize));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    public void A_window_saved_while_gathering_and_restored_goes_out_as_it_would_have(int after) =>
        Assert.Equal(Order(Publish(1000)), Order(Publish(1000, restoreAfter: after)));
}
