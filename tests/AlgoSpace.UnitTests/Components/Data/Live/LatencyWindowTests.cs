using AlgoSpace.Grains.Bus;

namespace AlgoSpace.Tests.Components.Data.Live;

public sealed class LatencyWindowTests
{
    [Fact]
    public void Percentiles_are_nearest_rank_over_the_recorded_times()
    {
        var window = new LatencyWindow();
        for (var us = 1; us <= 100; us++) window.Record(TimeSpan.FromMicroseconds(us));

        // Nearest rank: p50 of 1..100 is the 50th value (50), p99 the 99th (99); the max is 100.
        Assert.Equal(50, window.Percentile(50));
        Assert.Equal(99, window.Percentile(99));
        Assert.Equal(100, window.Max);
    }

    [Fact]
    public void Only_the_last_window_of_times_counts_for_percentiles_but_the_max_is_since_the_start()
    {
        var window = new LatencyWindow();
        window.Record(TimeSpan.FromMilliseconds(50));
        for (var i = 0; i < LatencyWindow.Capacity; i++) window.Record(TimeSpan.FromMicroseconds(10));

        Assert.Equal(10, window.Percentile(99));
        Assert.Equal(50_000, window.Max);
        Assert.Equal(LatencyWindow.Capacity + 1, window.Count);
    }

    [Fact]
    public void Nothing_recorded_reads_as_a_dash()
    {
        var window = new LatencyWindow();

        Assert.Null(window.Percentile(50));
        Assert.Contains("p50_us=- p99_us=- max_us=-", window.Describe());
    }
}
