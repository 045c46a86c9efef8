using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.Tests.Components.Data;

public sealed class MedianWindowTests
{
    [Fact]
    public void The_median_matches_sorting_the_last_values_at_every_step()
    {
        var random = new Random(7);
        var window = new MedianWindow(100);
        var all = new List<double>();
        for (var i = 0; i < 2_000; i++)
        {
            var value = Math.Round(random.NextDouble() * 50, 1); // many duplicates
            window.Add(value);
            all.Add(value);
            var last = all.TakeLast(100).Order().ToArray();
            var expected = last.Length % 2 == 1 ? last[last.Length / 2] : (last[last.Length / 2 - 1] + last[last.Length / 2]) / 2;
            Assert.Equal(expected, window.Median);
        }

        Assert.Equal(all.TakeLast(100), window.ToArray());
    }

    [Fact]
    public void An_even_count_takes_the_mean_of_the_middle_two_and_an_empty_window_has_no_median()
    {
        var window = new MedianWindow(4);
        Assert.Throws<InvalidOperationException>(() => window.Median);
        window.Add(1);
        window.Add(10);
        Assert.Equal(5.5, window.Median);
        window.Restore([3, 1, 2]);
        Assert.Equal(2, window.Median);
        Assert.Equal([3.0, 1, 2], window.ToArray());
    }
}
