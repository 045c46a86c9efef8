using AlgoSpace.MarketData;

namespace AlgoSpace.Grains.Components.Data.Live;

// The live data handler's log lines (EventIds 1100-1119). The API key is never among their fields.
public sealed partial class LiveDataHandler
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Live data handler will receive {Format} ticks from {Url} as {Symbol} ({Key} an API key); stale after {StaleAfter} s, {Attempts} reconnect attempts from {BaseDelayMs} ms")]
    private static partial void LogConfigured(ILogger logger, Uri url, string format, string symbol, int staleAfter, int attempts, int baseDelayMs, string key);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Live data handler connected to {Url}")]
    private static partial void LogConnected(ILogger logger, Uri url);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Live data handler lost {Url}: {Reason}")]
    private static partial void LogLost(ILogger logger, Uri url, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Live data handler reconnects to {Url}: attempt {Attempt} of {Attempts} in {DelayMs:F0} ms")]
    private static partial void LogReconnecting(ILogger logger, Uri url, int attempt, int attempts, double delayMs);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Live data handler could not connect to {Url} (attempt {Attempt} of {Attempts}): {Error}")]
    private static partial void LogConnectFailed(ILogger logger, Uri url, int attempt, int attempts, string error);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Live data handler reconnected to {Url} on attempt {Attempt}")]
    private static partial void LogRestored(ILogger logger, Uri url, int attempt);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Live data handler stopped receiving from {Url}: {Published} ticks published, {Duplicates} duplicates dropped, {Reconnects} reconnects")]
    private static partial void LogStopped(ILogger logger, Uri url, long published, long duplicates, long reconnects);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Live data handler: malformed feed message skipped: {Error}; message: {Message}")]
    private static partial void LogMalformed(ILogger logger, string error, string message);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Debug, Message = "Live data handler: tick {Id} dropped, already past {LastId} (sent again after a reconnect, or late)")]
    private static partial void LogDuplicate(ILogger logger, long id, long lastId);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Warning, Message = "Live data handler: {Missed} ticks missed (ids {From} to {To} never arrived)")]
    private static partial void LogGap(ILogger logger, long missed, long from, long to);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "Live data handler: tick {Id} rejected ({Kind}): {Detail}")]
    private static partial void LogRejected(ILogger logger, long id, RowIssueKind kind, string detail);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Live data handler: tick {Id}: {Detail}")]
    private static partial void LogVolumeClamped(ILogger logger, long id, string detail);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Live data handler: {Limit} {What} logged; further ones are only counted (query 'status')")]
    private static partial void LogIssueLimit(ILogger logger, int limit, string what);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Debug, Message = "Live data handler: ignored a feed message ({What})")]
    private static partial void LogIgnored(ILogger logger, string what);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Information, Message = "Live data handler: the feed calls its instrument {FeedSymbol}; its ticks are published as {Symbol}")]
    private static partial void LogSymbolMapped(ILogger logger, string feedSymbol, string symbol);

    // DEBUG, as the backtest's per-N-tick line: the silo's display and progress lines show the feed to people.
    [LoggerMessage(EventId = 1115, Level = LogLevel.Debug, Message = "Live data handler: {Published} ticks published, sim time {SimTime:yyyy-MM-dd HH:mm:ss}, receipt to published p50 {P50} us, p99 {P99} us")]
    private static partial void LogProgress(ILogger logger, long published, DateTime simTime, string p50, string p99);

    [LoggerMessage(EventId = 1116, Level = LogLevel.Information, Message = "Live data handler resumes {Url} after tick id {LastId} (last tick {LastTick:O}); {Published} ticks published before")]
    private static partial void LogResumed(ILogger logger, Uri url, long? lastId, DateTime? lastTick, long published);

    [LoggerMessage(EventId = 1117, Level = LogLevel.Warning, Message = "Live data handler starts over: the saved state is of the feed {SavedUrl}, not {Url}")]
    private static partial void LogStartingOver(ILogger logger, string savedUrl, Uri url);

    [LoggerMessage(EventId = 1118, Level = LogLevel.Warning, Message = "Live data handler: tick {Id} skipped: the feed's symbol '{FeedSymbol}' is none of the instruments traded ({Traded}); data_handler.live.feed_symbols maps the feed's names")]
    private static partial void LogUnrouted(ILogger logger, long id, string feedSymbol, string traded);
}
