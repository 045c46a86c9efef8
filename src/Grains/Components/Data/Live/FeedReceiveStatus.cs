namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>How a receive on the feed socket ended.</summary>
public enum FeedReceiveStatus
{
    /// <summary>A whole text message.</summary>
    Message,

    /// <summary>A whole message the handler cannot read (binary, or larger than the limit); the connection is fine.</summary>
    Unreadable,

    /// <summary>The feed closed the connection (a close frame).</summary>
    Closed,

    /// <summary>No frame arrived within data_handler.live.stale_after: the connection is treated as lost.</summary>
    Stale,

    /// <summary>The connection broke (reset, aborted, protocol error).</summary>
    Failed,
}

/// <summary>One receive: a message's bytes (valid until the next receive), or why there is none.</summary>
public readonly record struct FeedReceive(FeedReceiveStatus Status, ReadOnlyMemory<byte> Message, string? Detail);
