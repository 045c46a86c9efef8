using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AlgoSpace.MarketData;

namespace AlgoSpace.FeedReplay;

/// <summary>
/// Writes feed messages in the live data handler's formats (docs/live-feed.md): algospace_json ticks and heartbeats,
/// or Binance trade events. Times go out as the file gives them: algospace_json without a zone
/// (yyyy-MM-ddTHH:mm:ss.FFFFFFF), Binance as milliseconds since 1970 reading the file's time as UTC.
/// </summary>
public sealed class FeedMessageWriter(FeedMessageFormat format)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public byte[] Tick(long id, in MarketTick tick, string symbol)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            if (format == FeedMessageFormat.BinanceTrade)
            {
                var ms = EpochMilliseconds(tick.Timestamp);
                json.WriteString("e", "trade");
                json.WriteNumber("E", ms);
                json.WriteString("s", symbol);
                json.WriteNumber("t", id);
                json.WriteString("p", tick.Price.ToString("R", CultureInfo.InvariantCulture));
                json.WriteString("q", tick.Volume.ToString(CultureInfo.InvariantCulture));
                json.WriteNumber("T", ms);
                json.WriteBoolean("m", false);
                json.WriteBoolean("M", true);
            }
            else
            {
                json.WriteString("type", "tick");
                json.WriteString("symbol", symbol);
                json.WriteNumber("seq", id);
                json.WriteString("timestamp", Iso(tick.Timestamp));
                json.WriteNumber("price", tick.Price);
                json.WriteNumber("volume", tick.Volume);
                if (tick.Bid is { } bid) json.WriteNumber("bid", bid);
                if (tick.Ask is { } ask) json.WriteNumber("ask", ask);
            }

            json.WriteEndObject();
        }

        return _buffer.WrittenSpan.ToArray();
    }

    /// <summary>A heartbeat stamped with the last tick's time (the feed's clock is its data, not the wall).</summary>
    public byte[] Heartbeat(DateTime? lastTick)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer))
        {
            json.WriteStartObject();
            if (format == FeedMessageFormat.BinanceTrade)
            {
                // Not a Binance event: the handler ignores it, but any message proves the connection alive.
                json.WriteString("e", "heartbeat");
                json.WriteNumber("E", lastTick is { } t ? EpochMilliseconds(t) : 0);
            }
            else
            {
                json.WriteString("type", "heartbeat");
                if (lastTick is { } t) json.WriteString("timestamp", Iso(t));
            }

            json.WriteEndObject();
        }

        return _buffer.WrittenSpan.ToArray();
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static long EpochMilliseconds(DateTime time) => (time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
