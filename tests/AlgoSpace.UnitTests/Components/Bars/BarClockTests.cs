using AlgoSpace.Components.Bars;

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
}
