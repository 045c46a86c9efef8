namespace AlgoSpace.FeedReplay;

// The replay server's log lines (EventIds 1120-1129).
public sealed partial class FeedReplayServer
{
    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Feed replay serves {Url}: {Ticks} ticks, {Sent} sent so far")]
    private static partial void LogListening(ILogger logger, Uri url, int ticks, long sent);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Information, Message = "Feed replay stopped {Url} after {Sent} ticks")]
    private static partial void LogStopped(ILogger logger, Uri url, long sent);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Information, Message = "Feed replay: client {Client} connected from {Remote} at tick {Sent}")]
    private static partial void LogConnected(ILogger logger, int client, string remote, long sent);

    [LoggerMessage(EventId = 1123, Level = LogLevel.Information, Message = "Feed replay: client {Client} disconnected at tick {Sent}")]
    private static partial void LogDisconnected(ILogger logger, int client, long sent);

    [LoggerMessage(EventId = 1124, Level = LogLevel.Information, Message = "Feed replay sent the last of {Sent} ticks; heartbeats only from now")]
    private static partial void LogFinished(ILogger logger, long sent);
}
