using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.MarketData;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>
/// Reads one WebSocket text message of a feed format. Never throws for bad input: a message it cannot use comes
/// back <see cref="FeedMessageKind.Malformed"/> with an error naming the field.
/// </summary>
public interface IFeedMessageParser
{
    FeedMessage Parse(ReadOnlySpan<byte> utf8);
}

/// <summary>The parser of a data_handler.live.message_format.</summary>
public static class FeedMessageParsers
{
    public static IFeedMessageParser For(LiveFeedSettings settings) => settings.MessageFormat switch
    {
        FeedMessageFormat.AlgoSpaceJson => new AlgoSpaceJsonParser(),
        FeedMessageFormat.BinanceTrade => new BinanceTradeParser(settings.VolumeMultiplier),
        var other => throw new ArgumentOutOfRangeException(nameof(settings), other, "Unknown feed message format."),
    };
}
