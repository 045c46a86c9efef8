using System.Text.Json;
using AlgoSpace.MarketData;
using static AlgoSpace.Grains.Components.Data.Live.JsonFields;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>
/// The project's feed message (docs/live-feed.md), one JSON object per WebSocket text message:
/// <c>{"type":"tick","symbol":"ES","seq":1234,"timestamp":"2024-01-02T14:30:00.125","price":4750.25,"volume":3,"bid":4750.0,"ask":4750.25}</c>
/// (bid and ask optional) and <c>{"type":"heartbeat","timestamp":"..."}</c> (timestamp optional). Fields may come
/// in any order; unknown fields are skipped; an unknown type is ignored (so the format can grow).
/// </summary>
public sealed class AlgoSpaceJsonParser : IFeedMessageParser
{
    public FeedMessage Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return ParseObject(utf8);
        }
        catch (JsonException ex)
        {
            return FeedMessage.Malformed($"invalid JSON: {ex.Message}");
        }
    }

    private static FeedMessage ParseObject(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return FeedMessage.Malformed($"the message must be a JSON object, got {Describe(reader.TokenType)}");
        }

        string? type = null, symbol = null;
        long? seq = null, volume = null;
        double? price = null, bid = null, ask = null;
        DateTime? timestamp = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? error = null;
            if (reader.ValueTextEquals("type"u8)) error = Read(ref reader, "type", Text, ref type);
            else if (reader.ValueTextEquals("symbol"u8)) error = Read(ref reader, "symbol", Text, ref symbol);
            else if (reader.ValueTextEquals("seq"u8)) error = Read(ref reader, "seq", Int64, ref seq);
            else if (reader.ValueTextEquals("timestamp"u8)) error = Read(ref reader, "timestamp", Timestamp, ref timestamp);
            else if (reader.ValueTextEquals("price"u8)) error = Read(ref reader, "price", Double, ref price);
            else if (reader.ValueTextEquals("volume"u8)) error = Read(ref reader, "volume", Int64, ref volume);
            else if (reader.ValueTextEquals("bid"u8)) error = ReadOptional(ref reader, "bid", ref bid);
            else if (reader.ValueTextEquals("ask"u8)) error = ReadOptional(ref reader, "ask", ref ask);
            else
            {
                reader.Read();
                reader.Skip();
            }

            if (error is not null) return FeedMessage.Malformed(error);
        }

        // Reading past the object's end rejects trailing content.
        if (reader.Read()) return FeedMessage.Malformed("unexpected content after the JSON object");

        switch (type)
        {
            case null:
                return FeedMessage.Malformed("missing field 'type'");
            case "heartbeat":
                return FeedMessage.Heartbeat;
            case not "tick":
                return FeedMessage.Ignore($"type '{type}'");
        }

        var missing = symbol is null ? "symbol" : seq is null ? "seq" : timestamp is null ? "timestamp" : price is null ? "price" : volume is null ? "volume" : null;
        if (missing is not null) return FeedMessage.Malformed($"tick: missing field '{missing}'");
        return FeedMessage.ForTick(seq!.Value, new MarketTick(timestamp!.Value, price!.Value, volume!.Value, bid, ask), symbol);
    }

    private delegate string? FieldReader<T>(ref Utf8JsonReader reader, string field, out T value);

    private static string? Read<T>(ref Utf8JsonReader reader, string field, FieldReader<T> read, ref T? target) where T : struct
    {
        reader.Read();
        var error = read(ref reader, field, out var value);
        if (error is null) target = value;
        return error;
    }

    private static string? Read(ref Utf8JsonReader reader, string field, FieldReader<string> read, ref string? target)
    {
        reader.Read();
        var error = read(ref reader, field, out var value);
        if (error is null) target = value;
        return error;
    }

    /// <summary>A number, or null for "not quoted".</summary>
    private static string? ReadOptional(ref Utf8JsonReader reader, string field, ref double? target)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            target = null;
            return null;
        }

        var error = Double(ref reader, field, out var value);
        if (error is null) target = value;
        return error;
    }
}
