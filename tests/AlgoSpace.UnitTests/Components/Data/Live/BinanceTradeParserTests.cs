using System.Text;
using AlgoSpace.Grains.Components.Data.Live;

namespace AlgoSpace.Tests.Components.Data.Live;

public sealed class BinanceTradeParserTests
{
    // Binance's documented example trade event (spot WebSocket streams, "Trade Streams").
    private const string Trade = """{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","T":1672515782136,"m":true,"M":true}""";

    private static FeedMessage Parse(string json, double multiplier = 1) => new BinanceTradeParser(multiplier).Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_trade_gives_its_id_time_price_and_quantity()
    {
        var message = Parse(Trade);

        Assert.Equal(FeedMessageKind.Tick, message.Kind);
        Assert.Equal(12345, message.Id);
        Assert.Equal("BNBBTC", message.Symbol);
        // 1672515782136 ms = 1672515782 s + 136 ms after 1970-01-01: 2022-12-31T19:43:02.136 UTC.
        Assert.Equal(new DateTime(2022, 12, 31, 19, 43, 2, 136), message.Tick.Timestamp);
        Assert.Equal(DateTimeKind.Unspecified, message.Tick.Timestamp.Kind);
        Assert.Equal(0.001, message.Tick.Price);
        Assert.Equal(100, message.Tick.Volume);
        Assert.Null(message.Tick.Bid);
        Assert.Null(message.Tick.Ask);
    }

    [Fact]
    public void The_combined_stream_wrapper_is_unwrapped()
    {
        var message = Parse($$"""{"stream":"bnbbtc@trade","data":{{Trade}}}""");

        Assert.Equal(FeedMessageKind.Tick, message.Kind);
        Assert.Equal(12345, message.Id);
    }

    [Theory]
    // 0.00123 BTC x 100000 = 123; 0.5 x 1 rounds half away from zero to 1; 2.4 x 1 rounds to 2.
    [InlineData("0.00123", 100_000, 123)]
    [InlineData("0.5", 1, 1)]
    [InlineData("2.4", 1, 2)]
    public void The_volume_is_the_quantity_times_the_multiplier_rounded(string quantity, double multiplier, long volume)
    {
        var message = Parse($$"""{"e":"trade","t":1,"p":"42000.5","q":"{{quantity}}","T":1672515782136}""", multiplier);

        Assert.Equal(volume, message.Tick.Volume);
        Assert.Equal(42000.5, message.Tick.Price);
    }

    [Theory]
    [InlineData("""{"e":"aggTrade","E":1,"s":"BNBBTC","a":5}""", "event 'aggTrade'")]
    [InlineData("""{"result":null,"id":1}""", "a request's reply")]
    public void Other_events_and_replies_are_ignored(string json, string what)
    {
        var message = Parse(json);

        Assert.Equal(FeedMessageKind.Ignored, message.Kind);
        Assert.Equal(what, message.Error);
    }

    [Theory]
    [InlineData("""{"e":"trade","p":"1","q":"1","T":1}""", "missing field 't'")]
    [InlineData("""{"e":"trade","t":1,"q":"1","T":1}""", "missing field 'p'")]
    [InlineData("""{"e":"trade","t":1,"p":"1","T":1}""", "missing field 'q'")]
    [InlineData("""{"e":"trade","t":1,"p":"1","q":"1"}""", "missing field 'T'")]
    [InlineData("""{"t":1,"p":"1","q":"1","T":1}""", "missing field 'e'")]
    [InlineData("""{"e":"trade","t":"12345","p":"1","q":"1","T":1}""", "field 't' must be an integer, got a string")]
    [InlineData("""{"e":"trade","t":1,"p":"abc","q":"1","T":1}""", "field 'p' must be a decimal string, got 'abc'")]
    [InlineData("""{"e":"trade","t":1,"p":true,"q":"1","T":1}""", "field 'p' must be a decimal string, got a boolean")]
    [InlineData("""{"e":"trade","t":1,"p":"1","q":"1","T":-5}""", "field 'T' is not a time in milliseconds since 1970: -5")]
    [InlineData("""{"stream":"x","data":[1]}""", "field 'data' must be an object, got an array")]
    [InlineData("""{"stream":"x","data":{"e":"trade","t":1,"p":"1","q":"x","T":1}}""", "data: field 'q' must be a decimal string, got 'x'")]
    [InlineData("""{"e":"trade",""", "invalid JSON")]
    public void A_malformed_trade_says_which_field_is_wrong(string json, string error)
    {
        var message = Parse(json);

        Assert.Equal(FeedMessageKind.Malformed, message.Kind);
        Assert.Contains(error, message.Error);
    }
}
