using System.Text.Json;
using AlgoSpace.MarketData;
using static AlgoSpace.Grains.Components.Data.Live.JsonFields;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>
/// Binance's public trade stream (<c>&lt;symbol&gt;@trade</c>):
/// <c>{"e":"trade","E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","T":1672515782136,"m":true,"M":true}</c>,
/// bare or inside the combined-stream wrapper <c>{"stream":"bnbbtc@trade","data":{...}}</c>. The trade id <c>t</c>
/// is the sequence; the trade time <c>T</c> (milliseconds since 1970 UTC) is the tick's time; price <c>p</c> and
/// quantity <c>q</c> are decimal strings. The volume is <c>q</c> × <paramref name="volumeMultiplier"/>, rounded
/// (half away from zero). Other event types and request replies (<c>{"result":null,"id":1}</c>) are ignored.
/// A trade has no bid or ask.
/// </summary>
public sealed class BinanceTradeParser(double volumeMultiplier = 1) : IFeedMessageParser
{
    /// <summary>The largest millisecond time a DateTime holds (9999-12-31T23:59:59.999).</summary>
    private const long MaxEpochMilliseconds = 253_402_300_799_999;

    private readonly double _volumeMultiplier = volumeMultiplier > 0 && double.IsFinite(volumeMultiplier)
        ? volumeMultiplier
        : throw new ArgumentOutOfRangeException(nameof(volumeMultiplier), volumeMultiplier, "The volume multiplier must be positive.");

    public FeedMessage Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return FeedMessage.Malformed($"the message must be a JSON object, got {Describe(reader.TokenType)}");
            }

            var fields = new Fields();
            if (ReadObject(ref reader, ref fields, wrapped: false) is { } error) return FeedMessage.Malformed(error);
            if (reader.Read()) return FeedMessage.Malformed("unexpected content after the JSON object");
            return ToMessage(fields);
        }
        catch (JsonException ex)
        {
            return FeedMessage.Malformed($"invalid JSON: {ex.Message}");
        }
    }

    private static string? ReadObject(ref Utf8JsonReader reader, ref Fields fields, bool wrapped)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? error = null;
            if (reader.ValueTextEquals("e"u8)) { reader.Read(); error = Text(ref reader, "e", out var e); fields.Event = e; }
            else if (reader.ValueTextEquals("s"u8)) { reader.Read(); error = Text(ref reader, "s", out var s); fields.Symbol = s; }
            else if (reader.ValueTextEquals("t"u8)) { reader.Read(); error = Int64(ref reader, "t", out var t); fields.TradeId = t; }
            else if (reader.ValueTextEquals("T"u8)) { reader.Read(); error = Int64(ref reader, "T", out var time); fields.TradeTime = time; }
            else if (reader.ValueTextEquals("p"u8)) { reader.Read(); error = DecimalString(ref reader, "p", out var p); fields.Price = p; }
            else if (reader.ValueTextEquals("q"u8)) { reader.Read(); error = DecimalString(ref reader, "q", out var q); fields.Quantity = q; }
            else if (reader.ValueTextEquals("id"u8)) { fields.IsReply = true; reader.Read(); reader.Skip(); }
            else if (!wrapped && reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject) return $"field 'data' must be an object, got {Describe(reader.TokenType)}";
                fields.Wrapped = true;
                error = ReadObject(ref reader, ref fields, wrapped: true);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }

            if (error is not null) return fields.Wrapped && wrapped ? $"data: {error}" : error;
        }

        return null;
    }

    private FeedMessage ToMessage(in Fields fields)
    {
        if (fields.Event is null)
        {
            if (fields.IsReply) return FeedMessage.Ignore("a request's reply");
            return FeedMessage.Malformed(fields.Wrapped ? "data: missing field 'e'" : "missing field 'e' (the event type)");
        }

        if (fields.Event != "trade") return FeedMessage.Ignore($"event '{fields.Event}'");
        var missing = fields.TradeId is null ? "t" : fields.TradeTime is null ? "T" : fields.Price is null ? "p" : fields.Quantity is null ? "q" : null;
        if (missing is not null) return FeedMessage.Malformed($"trade: missing field '{missing}'");
        if (fields.TradeTime is not (>= 0 and <= MaxEpochMilliseconds) and var time) return FeedMessage.Malformed($"trade: field 'T' is not a time in milliseconds since 1970: {time}");

        var timestamp = DateTime.SpecifyKind(DateTime.UnixEpoch.AddMilliseconds(fields.TradeTime!.Value), DateTimeKind.Unspecified);
        var volume = Math.Round(fields.Quantity!.Value * _volumeMultiplier, MidpointRounding.AwayFromZero);
        if (!(Math.Abs(volume) < long.MaxValue)) return FeedMessage.Malformed($"trade: field 'q' is out of range: {fields.Quantity}");
        return FeedMessage.ForTick(fields.TradeId!.Value, new MarketTick(timestamp, fields.Price!.Value, (long)volume), fields.Symbol);
    }

    private struct Fields
    {
        public string? Event;
        public string? Symbol;
        public long? TradeId;
        public long? TradeTime;
        public double? Price;
        public double? Quantity;
        public bool IsReply;
        public bool Wrapped;
    }
}
