using System.Text;
using AlgoSpace.Grains.Components.Data.Live;

namespace AlgoSpace.Tests.Components.Data.Live;

public sealed class AlgoSpaceJsonParserTests
{
    private static FeedMessage Parse(string json) => new AlgoSpaceJsonParser().Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_tick_with_every_field_is_read_as_written()
    {
        var message = Parse("""{"type":"tick","symbol":"ES","seq":1234,"timestamp":"2024-01-02T14:30:00.125","price":4750.25,"volume":3,"bid":4750.0,"ask":4750.25}""");

        Assert.Equal(FeedMessageKind.Tick, message.Kind);
        Assert.Equal(1234, message.Id);
        Assert.Equal("ES", message.Symbol);
        Assert.Equal(new DateTime(2024, 1, 2, 14, 30, 0, 125), message.Tick.Timestamp);
        Assert.Equal(DateTimeKind.Unspecified, message.Tick.Timestamp.Kind);
        Assert.Equal(4750.25, message.Tick.Price);
        Assert.Equal(3, message.Tick.Volume);
        Assert.Equal(4750.0, message.Tick.Bid);
        Assert.Equal(4750.25, message.Tick.Ask);
    }

    [Fact]
    public void Fields_may_come_in_any_order_and_bid_and_ask_are_optional_and_unknown_fields_skipped()
    {
        var message = Parse("""{"volume":7,"extra":{"nested":[1,2]},"price":10.5,"timestamp":"2024-01-02T09:30:00","seq":2,"symbol":"NQ","type":"tick","ask":null}""");

        Assert.Equal(FeedMessageKind.Tick, message.Kind);
        Assert.Equal(2, message.Id);
        Assert.Equal(7, message.Tick.Volume);
        Assert.Null(message.Tick.Bid);
        Assert.Null(message.Tick.Ask);
    }

    [Theory]
    // 14:30:00.125Z is UTC as written; +01:00 means the wall time is one hour ahead of UTC: 15:30 - 1 h = 14:30 UTC.
    [InlineData("2024-01-02T14:30:00.125Z", 14, 30)]
    [InlineData("2024-01-02T15:30:00.125+01:00", 14, 30)]
    [InlineData("2024-01-02T09:30:00.125-0500", 14, 30)]
    [InlineData("2024-01-02T14:30:00.125", 14, 30)]
    public void A_time_with_a_zone_is_brought_to_utc_and_one_without_is_taken_as_written(string timestamp, int hour, int minute)
    {
        var message = Parse($$"""{"type":"tick","symbol":"ES","seq":1,"timestamp":"{{timestamp}}","price":1,"volume":1}""");

        Assert.Equal(new DateTime(2024, 1, 2, hour, minute, 0, 125), message.Tick.Timestamp);
        Assert.Equal(DateTimeKind.Unspecified, message.Tick.Timestamp.Kind);
    }

    [Fact]
    public void A_heartbeat_is_a_heartbeat_with_or_without_its_time()
    {
        Assert.Equal(FeedMessageKind.Heartbeat, Parse("""{"type":"heartbeat","timestamp":"2024-01-02T14:30:00Z"}""").Kind);
        Assert.Equal(FeedMessageKind.Heartbeat, Parse("""{"type":"heartbeat"}""").Kind);
    }

    [Fact]
    public void An_unknown_type_is_ignored_and_named()
    {
        var message = Parse("""{"type":"book","levels":[]}""");

        Assert.Equal(FeedMessageKind.Ignored, message.Kind);
        Assert.Contains("book", message.Error);
    }

    [Theory]
    [InlineData("""{"type":"tick","symbol":"ES","timestamp":"2024-01-02T14:30:00","price":1,"volume":1}""", "missing field 'seq'")]
    [InlineData("""{"type":"tick","seq":1,"timestamp":"2024-01-02T14:30:00","price":1,"volume":1}""", "missing field 'symbol'")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1,"price":1,"volume":1}""", "missing field 'timestamp'")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1,"timestamp":"2024-01-02T14:30:00","volume":1}""", "missing field 'price'")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1,"timestamp":"2024-01-02T14:30:00","price":1}""", "missing field 'volume'")]
    [InlineData("""{"symbol":"ES","seq":1}""", "missing field 'type'")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":"1","timestamp":"2024-01-02T14:30:00","price":1,"volume":1}""", "field 'seq' must be an integer, got a string")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1.5,"timestamp":"2024-01-02T14:30:00","price":1,"volume":1}""", "field 'seq' must be an integer, got 1.5")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1,"timestamp":"2024-01-02T14:30:00","price":"4750.25","volume":1}""", "field 'price' must be a number, got a string")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1,"timestamp":"2024-01-02T14:30:00","price":1,"volume":true}""", "field 'volume' must be an integer, got a boolean")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1,"timestamp":"yesterday","price":1,"volume":1}""", "field 'timestamp' is not an ISO 8601 time: 'yesterday'")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1,"timestamp":1704205800,"price":1,"volume":1}""", "field 'timestamp' must be an ISO 8601 time string, got a number")]
    [InlineData("""{"type":"tick","symbol":"ES","seq":1,"timestamp":"2024-01-02T14:30:00","price":1,"volume":1,"bid":"x"}""", "field 'bid' must be a number, got a string")]
    [InlineData("""{"type":7}""", "field 'type' must be a string, got a number")]
    [InlineData("""[1,2]""", "the message must be a JSON object, got an array")]
    [InlineData("""{"type":"tick","symbol":"ES" """, "invalid JSON")]
    [InlineData("""not json""", "invalid JSON")]
    [InlineData("""{"type":"heartbeat"} {"type":"heartbeat"}""", "invalid JSON")]
    public void A_malformed_message_says_which_field_is_wrong(string json, string error)
    {
        var message = Parse(json);

        Assert.Equal(FeedMessageKind.Malformed, message.Kind);
        Assert.Contains(error, message.Error);
    }

    [Fact]
    public void An_empty_message_is_malformed_not_a_crash()
    {
        var message = new AlgoSpaceJsonParser().Parse([]);

        Assert.Equal(FeedMessageKind.Malformed, message.Kind);
    }
}
