using AlgoSpace.MarketData.Bars;

namespace AlgoSpace.Tests.Components.Bars;

public sealed class BarClockTests
{
    [Theory]
    [InlineData("2024-01-02T10:34:59", 5, "2024-01-02T10:30:00")]
    [InlineData("2024-01-02T10:59:59", 30, "2024-01-02T10:30:00")]
    [InlineData("2024-01-02T10:35:00", 5, "2024-01-02T10:35:00")]
    [InlineData("2024-01-02T10:35:00.999", 5, "2024-01-02T10:35:00")]
    [InlineData("2024-01-02T00:00:00", 30, "2024-01-02T00:00:00")]
    [InlineData("2024-01-02T23:59:59.999", 30, "2024-01-02T23:30:00")]
    public void Flooring_truncates_seconds_then_floors_the_minute_of_day(string time, int minutes, string expected) =>
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            BarClock.Floor(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), minutes));

    [Fact]
    public void The_bucket_after_the_last_of_the_day_is_midnight() =>
        Assert.Equal(new DateTime(2024, 1, 3), BarClock.Next(new DateTime(2024, 1, 2, 23, 30, 0), 30));

    /// <summary>Counted in constant time, it must equal walking the buckets one by one, for timeframes that divide the day and one that does not.</summary>
    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(7)]
    [InlineData(1440)]
    public void Buckets_between_counts_what_walking_the_buckets_finds(int minutes)
    {
        var random = new Random(minutes);
        for (var i = 0; i < 200; i++)
        {
            var first = BarClock.Floor(new DateTime(2024, 1, 1).AddMinutes(random.Next(0, 10_000)), minutes);
            var last = BarClock.Floor(first.AddMinutes(random.Next(0, 20_000)), minutes);
            var walked = 0L;
            for (var start = BarClock.Next(first, minutes); start < last; start = BarClock.Next(start, minutes)) walked++;
            Assert.Equal((first, last, walked), (first, last, BarClock.BucketsBetween(first, last, minutes)));
        }

        Assert.Equal(0, BarClock.BucketsBetween(new DateTime(2024, 1, 2), new DateTime(2024, 1, 1), minutes));
    }
}
