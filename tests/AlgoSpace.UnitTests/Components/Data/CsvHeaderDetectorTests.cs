using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Tests.Components.Data;

public sealed class CsvHeaderDetectorTests
{
    [Theory]
    [InlineData("timestamp,price,volume")]
    [InlineData("Timestamp,Price,Volume")]
    [InlineData("TIMESTAMP , LAST , VOL")]
    [InlineData("\"timestamp\",\"price\",\"size\"")]
    [InlineData("\uFEFFtimestamp,price,volume")]
    [InlineData("date_time,last_price,quantity")]
    public void A_header_with_a_price_is_a_tick_file_whatever_the_case_or_spelling(string header)
    {
        var layout = CsvHeaderDetector.Detect(header, DataFileFormat.Auto, "f.csv");
        Assert.Equal(DataFileFormat.Tick, layout.Format);
        Assert.Equal((0, 1, 2), (layout.Timestamp, layout.Price, layout.Volume));
        Assert.Equal((-1, -1), (layout.Bid, layout.Ask));
    }

    [Fact]
    public void Bid_and_ask_columns_are_optional_parts_of_a_tick_file()
    {
        var layout = CsvHeaderDetector.Detect("timestamp,price,volume,bid,ask", DataFileFormat.Auto, "f.csv");
        Assert.Equal((3, 4), (layout.Bid, layout.Ask));
    }

    [Theory]
    [InlineData("Timestamp,Open,High,Low,Close,Volume")]
    [InlineData("Timestamp,Open,High,Llow,Close,Volume")]
    [InlineData("timestamp,o,h,l,c,vol")]
    public void A_header_with_open_high_low_close_is_a_bar_file_and_Llow_means_low(string header)
    {
        var layout = CsvHeaderDetector.Detect(header, DataFileFormat.Auto, "f.csv");
        Assert.Equal(DataFileFormat.Bar, layout.Format);
        Assert.Equal((0, 1, 2, 3, 4, 5), (layout.Timestamp, layout.Open, layout.High, layout.Low, layout.Close, layout.Volume));
    }

    [Fact]
    public void Separate_date_and_time_columns_make_the_timestamp()
    {
        var layout = CsvHeaderDetector.Detect("Date,Time,Open,High,Low,Close,Volume", DataFileFormat.Auto, "f.csv");
        Assert.Equal(DataFileFormat.Bar, layout.Format);
        Assert.Equal((-1, 0, 1), (layout.Timestamp, layout.Date, layout.Time));
        Assert.Equal(7, layout.FieldCount);
    }

    [Fact]
    public void A_lone_date_column_holds_whole_timestamps()
    {
        var layout = CsvHeaderDetector.Detect("Date,Price,Volume", DataFileFormat.Auto, "f.csv");
        Assert.Equal((0, -1, -1), (layout.Timestamp, layout.Date, layout.Time));
    }

    [Fact]
    public void Unknown_columns_are_ignored_and_named()
    {
        var layout = CsvHeaderDetector.Detect("timestamp,price,volume,exchange", DataFileFormat.Auto, "f.csv");
        Assert.Equal(["exchange"], layout.IgnoredColumns);
        Assert.Contains("ignored: exchange", layout.Describe(CsvHeaderDetector.SplitHeader("timestamp,price,volume,exchange")));
    }

    [Theory]
    [InlineData("x,y,z", "Is the first line a header")]
    [InlineData("2024-01-02T09:30:00,4750.25,3", "Is the first line a header")]
    [InlineData("timestamp,open,high,close,volume", "without low")]
    [InlineData("timestamp,price", "no volume column")]
    [InlineData("price,volume", "no timestamp column")]
    [InlineData("timestamp,price,last,volume", "two price columns")]
    [InlineData("timestamp,date,price,volume", "both a timestamp column and a separate date")]
    public void A_header_that_is_neither_format_is_refused_with_what_was_found_and_expected(string header, string hint)
    {
        var ex = Assert.Throws<DataFileException>(() => CsvHeaderDetector.Detect(header, DataFileFormat.Auto, "f.csv"));
        Assert.Contains(hint, ex.Message);
        Assert.StartsWith("f.csv:", ex.Message);
    }

    [Fact]
    public void A_requested_format_must_match_the_header()
    {
        var ex = Assert.Throws<DataFileException>(() => CsvHeaderDetector.Detect("timestamp,open,high,low,close,volume", DataFileFormat.Tick, "f.csv"));
        Assert.Contains("data_handler.format: tick", ex.Message);
        Assert.Equal(DataFileFormat.Tick, CsvHeaderDetector.Detect("timestamp,price,volume", DataFileFormat.Tick, "f.csv").Format);
        Assert.Throws<DataFileException>(() => CsvHeaderDetector.Detect("timestamp,price,volume", DataFileFormat.Bar, "f.csv"));
    }
}
