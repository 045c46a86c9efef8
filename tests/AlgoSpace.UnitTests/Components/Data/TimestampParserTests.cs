using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Tests.Components.Data;

public sealed class TimestampParserTests
{
    [Theory]
    [InlineData("2024-01-02T09:30:00.123", 2024, 1, 2, 9, 30, 0, 123)]
    [InlineData("2024-01-02 09:30:00.123", 2024, 1, 2, 9, 30, 0, 123)]
    [InlineData("2024-01-02T09:30:05", 2024, 1, 2, 9, 30, 5, 0)]
    [InlineData("2024-01-02 09:30", 2024, 1, 2, 9, 30, 0, 0)]
    [InlineData("2024-01-02", 2024, 1, 2, 0, 0, 0, 0)]
    [InlineData("2024/01/02 09:30:00", 2024, 1, 2, 9, 30, 0, 0)]
    [InlineData("2013-10-07T04:00:00.5", 2013, 10, 7, 4, 0, 0, 500)]
    public void Iso_timestamps_with_or_without_T_and_milliseconds_are_read(string text, int y, int mo, int d, int h, int mi, int s, int ms)
    {
        Assert.True(TimestampParser.TryParse(text, out var value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms), value);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
    }

    [Theory]
    [InlineData("29/06/2020 01:00:00", 2020, 6, 29, 1, 0)]
    [InlineData("1/7/2020 1:00", 2020, 7, 1, 1, 0)]
    [InlineData("01/07/2020 01:00:00", 2020, 7, 1, 1, 0)]
    [InlineData("12/1/2021 23:30", 2021, 1, 12, 23, 30)]
    [InlineData("2/3/2025 10:30", 2025, 3, 2, 10, 30)]
    public void Slash_dates_are_always_day_first_in_both_spreadsheet_styles(string text, int y, int mo, int d, int h, int mi)
    {
        Assert.True(TimestampParser.TryParse(text, out var value));
        Assert.Equal(new DateTime(y, mo, d, h, mi, 0), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("13/13/2020 01:00")]
    [InlineData("31/02/2020 01:00")]
    [InlineData("2020-02-30 01:00")]
    [InlineData("2024-01-02T24:00:00")]
    [InlineData("2024-01-02T09:60:00")]
    [InlineData("2024-01-02T09:30:00Z")]
    [InlineData("2024-01-02T09:30:00+01:00")]
    [InlineData("2024-01-02T09:30:00.12345678")]
    [InlineData("02-01-2024 09:30")]
    [InlineData("1/2/24 09:30")]
    [InlineData("2024-01-02T9:3")]
    [InlineData("20240-01-02")]
    public void Anything_else_is_refused_rather_than_guessed(string text) =>
        Assert.False(TimestampParser.TryParse(text, out _));

    [Fact]
    public void Separate_date_and_time_columns_are_read_on_their_own()
    {
        Assert.True(TimestampParser.TryParseDate("2024-01-01", out var date));
        Assert.True(TimestampParser.TryParseTime("09:35:00", out var time));
        Assert.Equal(new DateTime(2024, 1, 1, 9, 35, 0), date.AddTicks(time));
        Assert.True(TimestampParser.TryParseDate("5/1/2024", out var dayFirst));
        Assert.Equal(new DateTime(2024, 1, 5), dayFirst);
        Assert.False(TimestampParser.TryParseDate("2024-01-01 09:35", out _));
        Assert.False(TimestampParser.TryParseTime("9:35 PM", out _));
    }
}
