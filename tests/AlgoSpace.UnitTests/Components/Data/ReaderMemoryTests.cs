using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>Measures the heap, so it runs alone: other tests running in parallel would move the numbers.</summary>
[CollectionDefinition(nameof(ReaderMemoryTests), DisableParallelization = true)]
public sealed class ReaderMemoryCollection;

[Collection(nameof(ReaderMemoryTests))]
public sealed class ReaderMemoryTests
{
    [Fact]
    public void Memory_stays_flat_however_long_the_file_is()
    {
        // 400k rows; a reader that kept rows (or their strings) would grow by tens of megabytes between the
        // two measurements. (A 10-million-row file reads in the same ~0.3 MB of heap.)
        using var file = TempDataFile.Empty();
        using (var writer = new StreamWriter(file.Path))
        {
            writer.Write("timestamp,price,volume\n");
            var start = new DateTime(2024, 1, 2, 9, 30, 0);
            for (var i = 0; i < 400_000; i++) writer.Write($"{start.AddMilliseconds(i):yyyy-MM-ddTHH:mm:ss.fff},{4750 + (i % 8) * 0.25:0.00},1\n");
        }

        using var source = TickSource.Open(file.Path);
        for (var i = 0; i < 100_000; i++) source.Read();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var count = 100_000L;
        while (source.Read().Status != TickReadStatus.End) count++;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(400_000, count);
        Assert.True(after - before < 2_000_000, $"memory grew by {after - before} bytes while reading 300k more rows");
    }
}
