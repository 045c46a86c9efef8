using AlgoSpace.MarketData;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>What one feed message is to the live data handler.</summary>
public enum FeedMessageKind
{
    /// <summary>A trade: <see cref="FeedMessage.Id"/> and <see cref="FeedMessage.Tick"/> are set.</summary>
    Tick,

    /// <summary>The feed is alive and has nothing to say.</summary>
    Heartbeat,

    /// <summary>A well-formed message of a kind the handler does not use (another event type, a request's reply).</summary>
    Ignored,

    /// <summary>Bad JSON, a missing field or a field of the wrong type: <see cref="FeedMessage.Error"/> says which.</summary>
    Malformed,
}

/// <summary>
/// One parsed feed message. <see cref="Id"/> is the feed's sequence number for the tick (the algospace_json seq, the
/// Binance trade id): strictly increasing per feed, it is what tells a new tick from one sent again after a reconnect.
/// </summary>
public readonly record struct FeedMessage(FeedMessageKind Kind, long Id, MarketTick Tick, string? Symbol, string? Error)
{
    public static FeedMessage Heartbeat { get; } = new(FeedMessageKind.Heartbeat, 0, default, null, null);

    public static FeedMessage ForTick(long id, MarketTick tick, string? symbol) => new(FeedMessageKind.Tick, id, tick, symbol, null);

    /// <summary>An ignored message; <paramref name="what"/> names it for the log (e.g. "event 'aggTrade'").</summary>
    public static FeedMessage Ignore(string what) => new(FeedMessageKind.Ignored, 0, default, null, what);

    public static FeedMessage Malformed(string error) => new(FeedMessageKind.Malformed, 0, default, null, error);
}
