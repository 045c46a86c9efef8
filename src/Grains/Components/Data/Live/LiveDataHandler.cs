using System.Diagnostics;
using System.Globalization;
using System.Text;
using AlgoSpace.Grains.Bus;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Validation;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>
/// The live DataHandler (component-contracts 2.1, docs/live-feed.md): receives ticks from the WebSocket feed at
/// data_handler.live.url and publishes each new, valid one as a NEW_TICK, one tick per publish, awaited: with one
/// symbol every tick is symbols[0]'s; a portfolio's feed carries several instruments, and each tick goes to the one
/// its message names (data_handler.live.feed_symbols maps the feed's names), a name traded nowhere being counted and
/// logged. A tick passes the <see cref="TickSequenceGate"/> (its id must be above the last one, over the whole feed:
/// no duplicates after a reconnect) and then its instrument's <see cref="TickValidator"/> (each instrument has its own
/// prices and times). Malformed messages are counted and skipped. A
/// connection that closes, breaks or says nothing for stale_after seconds is lost: CONNECTION_LOST, then reconnect
/// attempts with <see cref="ReconnectBackoff"/>, then CONNECTION_RESTORED; when the attempts run out the run throws
/// and the kernel shuts down. The run ends cleanly (socket closed) when the host cancels it.
/// </summary>
[ComponentKind("live_data_handler", Role = ComponentRole.DataHandler, Modes = ComponentMode.Live,
    Produces = [NewTick, ConnectionLost, ConnectionRestored, SystemError],
    Description = "Receives ticks from a WebSocket feed as NEW_TICK events.",
    HandlerBudgetMs = 1)]
public sealed partial class LiveDataHandler : ComponentAdapter<LiveDataHandlerState>, ISourceComponent
{
    /// <summary>Issues of one kind logged one by one; after these only the counts grow (see Query("status")).</summary>
    public const int LoggedIssues = 100;

    /// <summary>Characters of a malformed message quoted in its log line.</summary>
    private const int QuotedMessage = 200;

    private readonly TickSequenceGate _gate = new();

    // The instruments in the order of symbols; a portfolio finds a tick's by the feed's name (null with one symbol).
    private readonly InstrumentFeed[] _instruments;
    private readonly Dictionary<string, InstrumentFeed>? _byFeedName;
    private readonly LatencyWindow _latency = new();
    private readonly IFeedMessageParser _parser;
    private readonly ReconnectBackoff _backoff;
    private readonly Uri _url;
    private string? _feedSymbol;
    private FeedState _state = FeedState.Disconnected;
    private long _received, _rejected, _malformed, _ignored, _unrouted, _reconnects, _attemptsMade;
    private long _lastMessageAt;

    // The attempt the next connect is (0 = the first connect, n = reconnect attempt n), and the one that made the
    // current connection: a connection lost before it delivered anything does not reset the count, so a feed that
    // accepts and drops at once still runs out of attempts.
    private int _attempt;
    private int _connectedAttempt;
    private string? _lastFailure;

    private enum FeedState { Disconnected, Connected, Stopped }

    private ILogger Logger => Context.Logger;

    private LiveFeedSettings Live => Context.Settings.DataHandler.Live;

    public LiveDataHandler(IComponentContext context) : base(context)
    {
        var settings = context.Settings;
        if (settings.Symbols.Count == 0) throw new ArgumentException("symbols is empty; the data handler publishes ticks for the symbols listed there.");
        var live = settings.DataHandler.Live;
        var maxTimeJump = TimeSpan.FromHours(settings.DataHandler.MaxTimeJumpHours);
        _instruments = settings.Symbols.Select(s => new InstrumentFeed(s, new TickValidator(maxTimeJump))).ToArray();
        if (_instruments.Length > 1)
        {
            _byFeedName = live.InstrumentsByFeedName(settings.Symbols).ToDictionary(p => p.Key, p => _instruments.Single(i => i.Symbol == p.Value), StringComparer.OrdinalIgnoreCase);
        }

        if (string.IsNullOrWhiteSpace(live.Url)) throw new ArgumentException("data_handler.live.url is not set: the live data handler needs the feed's ws:// or wss:// URL.");
        if (!Uri.TryCreate(live.Url, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException($"data_handler.live.url '{live.Url}' is not a ws:// or wss:// URL.");
        }

        _url = url;
        _parser = FeedMessageParsers.For(live);
        _backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(live.ReconnectBaseDelayMs), settings.System.RunSeed);
        LogConfigured(Logger, _url, FormatName(live.MessageFormat), string.Join(", ", settings.Symbols), live.StaleAfter, live.ReconnectAttempts, live.ReconnectBaseDelayMs,
            string.IsNullOrEmpty(live.ApiKey) ? "without" : "with");
    }

    public async Task RunAsync(CancellationToken cancellation)
    {
        var staleAfter = TimeSpan.FromSeconds(Live.StaleAfter);
        try
        {
            while (true)
            {
                var socket = await ConnectAsync(staleAfter, cancellation);
                if (socket is null) break;
                await using (socket)
                {
                    // Shutdown step 1 (stop data): close the socket cleanly; the pending receive then ends.
                    using var closeOnStop = cancellation.Register(socket.BeginClose);
                    var (reason, delivered) = await ReceiveUntilLostAsync(socket, staleAfter, cancellation);
                    if (cancellation.IsCancellationRequested)
                    {
                        await socket.FinishCloseAsync();
                        break;
                    }

                    _attempt = delivered ? 1 : _connectedAttempt + 1;
                    await LoseAsync(reason);
                }
            }
        }
        finally
        {
            _state = FeedState.Stopped;
        }

        LogStopped(Logger, _url, Published, _gate.Duplicates, _reconnects);
    }

    /// <summary>Connects, waiting before each retry; null when the run is cancelled meanwhile.</summary>
    private async Task<FeedSocket?> ConnectAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        var attempts = Live.ReconnectAttempts;
        while (true)
        {
            if (_attempt > attempts)
            {
                var tried = attempts == 0 ? "data_handler.live.reconnect_attempts is 0, so no reconnect was tried"
                    : $"{attempts} reconnect attempt{(attempts == 1 ? "" : "s")} failed (data_handler.live.reconnect_attempts)";
                throw new FatalComponentException($"The live feed {_url} could not be reached: {tried}; last error: {_lastFailure}.");
            }

            if (_attempt > 0)
            {
                var delay = _backoff.Delay(_attempt, _attemptsMade);
                LogReconnecting(Logger, _url, _attempt, attempts, delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    return null;
                }
            }

            _attemptsMade++;
            try
            {
                var socket = await FeedSocket.ConnectAsync(_url, Live.ApiKey, timeout, cancellation);
                await OnConnectedAsync();
                return socket;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                _lastFailure = Describe(ex);
                LogConnectFailed(Logger, _url, _attempt, attempts, _lastFailure);
                if (_attemptsMade == 1) await LoseAsync($"connect failed: {_lastFailure}");
                _attempt++;
            }
        }
    }

    private async Task OnConnectedAsync()
    {
        _connectedAttempt = _attempt;
        var wasLost = _attemptsMade > 1;
        _state = FeedState.Connected;
        _lastMessageAt = Stopwatch.GetTimestamp();
        if (!wasLost)
        {
            LogConnected(Logger, _url);
            return;
        }

        _reconnects++;
        LogRestored(Logger, _url, _attempt);
        await Context.Bus.PublishAsync(ConnectionRestored, new ConnectionPayload(Context.Spec.Name, null, _attempt), SimTime, correlationId: null);
    }

    private async Task LoseAsync(string reason)
    {
        _state = FeedState.Disconnected;
        _lastFailure = reason;
        LogLost(Logger, _url, reason);
        Context.ReportDegraded($"market-data feed {_url} disconnected: {reason}");
        await Context.Bus.PublishAsync(ConnectionLost, new ConnectionPayload(Context.Spec.Name, reason, null), SimTime, correlationId: null);
    }

    /// <summary>Handles messages until the connection ends; returns why, and whether it delivered any message.</summary>
    private async Task<(string Reason, bool Delivered)> ReceiveUntilLostAsync(FeedSocket socket, TimeSpan staleAfter, CancellationToken cancellation)
    {
        var delivered = false;
        while (true)
        {
            var receive = await socket.ReceiveAsync(staleAfter);

            // Stopped (shutdown step 1): what arrives from now on is not published.
            if (cancellation.IsCancellationRequested) return ("stopped", delivered);
            var receivedAt = Stopwatch.GetTimestamp();
            switch (receive.Status)
            {
                case FeedReceiveStatus.Message:
                    delivered = true;
                    _lastMessageAt = receivedAt;
                    await HandleMessageAsync(receive.Message, receivedAt);
                    break;
                case FeedReceiveStatus.Unreadable:
                    delivered = true;
                    _lastMessageAt = receivedAt;
                    ReportMalformed(receive.Detail!, default);
                    break;
                case FeedReceiveStatus.Closed:
                    return ($"the feed closed the connection ({receive.Detail})", delivered);
                case FeedReceiveStatus.Stale:
                    return ($"stale: {receive.Detail}", delivered);
                default:
                    return ($"the connection broke: {receive.Detail}", delivered);
            }
        }
    }

    private async ValueTask HandleMessageAsync(ReadOnlyMemory<byte> message, long receivedAt)
    {
        var parsed = _parser.Parse(message.Span);
        switch (parsed.Kind)
        {
            case FeedMessageKind.Tick:
                await AcceptAsync(parsed, receivedAt);
                break;
            case FeedMessageKind.Ignored:
                if (++_ignored <= LoggedIssues) LogIgnored(Logger, parsed.Error!);
                break;
            case FeedMessageKind.Malformed:
                ReportMalformed(parsed.Error!, message);
                break;
        }
    }

    private async ValueTask AcceptAsync(FeedMessage message, long receivedAt)
    {
        _received++;
        var previous = _gate.LastId;
        var sequence = _gate.Admit(message.Id);
        if (!sequence.IsNew)
        {
            if (_gate.Duplicates <= LoggedIssues) LogDuplicate(Logger, message.Id, previous!.Value);
            return;
        }

        if (sequence.Missed > 0 && _gate.Gaps <= LoggedIssues) LogGap(Logger, sequence.Missed, previous!.Value + 1, message.Id - 1);
        if (InstrumentOf(message) is not { } instrument) return;
        var tick = message.Tick;
        var verdict = instrument.Validator.Check(ref tick);
        if (!verdict.Accepted)
        {
            _rejected++;
            if (_rejected <= LoggedIssues) LogRejected(Logger, message.Id, verdict.Rejection!.Value, verdict.Detail!);
            if (_rejected == LoggedIssues) LogIssueLimit(Logger, LoggedIssues, "rejected ticks");
            return;
        }

        if (verdict.VolumeClamped && _rejected <= LoggedIssues) LogVolumeClamped(Logger, message.Id, verdict.Detail!);
        var payload = new TickPayload(instrument.Symbol, tick.Timestamp, tick.Price, tick.Volume, tick.Bid, tick.Ask);
        // Counted before the publish: a checkpoint is taken inside it, once the pipeline has handled the tick (the
        // host's snapshot policy), and must count it with the id the gate has already passed. A publish that fails
        // ends the run, which then resumes from a checkpoint with its own counts.
        instrument.Published++;
        // Costs nothing unless a listener is attached (the live-latency benchmark measures from the arrival).
        using (BusTelemetry.StartTickReceipt(Context.Spec.Name, receivedAt))
        {
            await Context.Bus.PublishAsync(NewTick, payload, tick.Timestamp, correlationId: null);
        }

        _latency.Record(Stopwatch.GetElapsedTime(receivedAt));
        if (Published % Math.Max(1, Context.Settings.DataHandler.LogEvery) == 0)
        {
            LogProgress(Logger, Published, tick.Timestamp, LatencyWindow.Format(_latency.Percentile(50)), LatencyWindow.Format(_latency.Percentile(99)));
        }
    }

    private void ReportMalformed(string error, ReadOnlyMemory<byte> message)
    {
        _malformed++;
        if (_malformed > LoggedIssues) return;
        var quoted = message.IsEmpty ? "" : Encoding.UTF8.GetString(message.Span[..Math.Min(message.Length, QuotedMessage)]);
        LogMalformed(Logger, error, quoted);
        if (_malformed == LoggedIssues) LogIssueLimit(Logger, LoggedIssues, "malformed messages");
    }

    /// <summary>
    /// The instrument a tick is for. One symbol: every tick of the feed is its, whatever the feed calls it (a
    /// different name is said once). A portfolio: the one the message names; a name traded nowhere (or none) is
    /// counted and logged, and the tick skipped: it cannot be guessed.
    /// </summary>
    private InstrumentFeed? InstrumentOf(FeedMessage message)
    {
        if (_byFeedName is null)
        {
            var single = _instruments[0];
            if (message.Symbol is { } name && _feedSymbol is null)
            {
                _feedSymbol = name;
                if (!string.Equals(name, single.Symbol, StringComparison.OrdinalIgnoreCase)) LogSymbolMapped(Logger, name, single.Symbol);
            }

            return single;
        }

        if (message.Symbol is { } symbol && _byFeedName.TryGetValue(symbol, out var instrument)) return instrument;
        _unrouted++;
        if (_unrouted <= LoggedIssues) LogUnrouted(Logger, message.Id, message.Symbol ?? "(none)", string.Join(", ", _byFeedName.Keys));
        if (_unrouted == LoggedIssues) LogIssueLimit(Logger, LoggedIssues, "ticks of instruments not traded");
        return null;
    }

    /// <summary>Ticks published, over every instrument.</summary>
    private long Published
    {
        get
        {
            // Once per tick: a loop, not LINQ, so that counting allocates nothing.
            var published = 0L;
            foreach (var instrument in _instruments) published += instrument.Published;
            return published;
        }
    }

    /// <summary>The time of the last tick accepted, over every instrument.</summary>
    private DateTime? LastAccepted => _instruments.Max(i => i.Validator.LastAccepted);

    /// <summary>Control events carry the time of the last tick (simulation time), never the wall clock.</summary>
    private DateTime SimTime => LastAccepted ?? default;

    protected override LiveDataHandlerState Save() => new(_url.ToString(), _gate.LastId, _instruments[0].Validator.Snapshot(),
        new LiveFeedCounters(_received, Published, _gate.Duplicates, _gate.Gaps, _gate.Missed, _rejected, _malformed, _ignored, _reconnects, _unrouted),
        _byFeedName is null ? null : _instruments.Select(i => new LiveInstrumentState(i.Symbol, i.Validator.Snapshot(), i.Published)).ToList());

    protected override void Restore(LiveDataHandlerState saved)
    {
        if (!string.Equals(saved.Url, _url.ToString(), StringComparison.Ordinal))
        {
            // Another feed numbers its ticks differently: its last id means nothing here.
            LogStartingOver(Logger, saved.Url, _url);
            return;
        }

        var c = saved.Counters;
        _gate.Restore(saved.LastId, c.Duplicates, c.Gaps, c.Missed);
        if (saved.Instruments is { } instruments)
        {
            // An instrument the saved feed did not carry starts with a fresh validator.
            foreach (var instrument in _instruments)
            {
                if (instruments.FirstOrDefault(i => i.Symbol == instrument.Symbol) is not { } state) continue;
                instrument.Validator.Restore(state.Validator);
                instrument.Published = state.Published;
            }
        }
        else
        {
            _instruments[0].Validator.Restore(saved.Validator);
            _instruments[0].Published = c.Published;
        }

        (_received, _rejected, _malformed, _ignored, _unrouted, _reconnects) = (c.Received, c.Rejected, c.Malformed, c.Ignored, c.Unrouted, c.Reconnects);
        LogResumed(Logger, _url, saved.LastId, LastAccepted, c.Published);
    }

    public override string Query(string question) => question switch
    {
        "status" => Status(),
        "latency" => _latency.Describe(),
        _ => "",
    };

    private string Status()
    {
        var state = _state switch { FeedState.Connected => "connected", FeedState.Stopped => "stopped", _ => "disconnected" };
        var age = _lastMessageAt == 0 ? "-" : ((long)Stopwatch.GetElapsedTime(_lastMessageAt).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        var lastTick = LastAccepted is { } t ? t.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture) : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"state={state} url={_url} received={_received} published={Published} duplicates={_gate.Duplicates} gaps={_gate.Gaps} missed={_gate.Missed} rejected={_rejected} malformed={_malformed} ignored={_ignored} unrouted={_unrouted}{BySymbol()} reconnects={_reconnects} last_id={(_gate.LastId is { } id ? id : "-")} last_tick={lastTick} last_message_age_ms={age} latency_p50_us={LatencyWindow.Format(_latency.Percentile(50))} latency_p99_us={LatencyWindow.Format(_latency.Percentile(99))}");
    }

    /// <summary>A portfolio's ticks published by instrument (" by_symbol=ES:120,NQ:98,CL:61"); empty with one symbol.</summary>
    private string BySymbol() => _byFeedName is null ? "" : " by_symbol=" + string.Join(",", _instruments.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Symbol}:{i.Published}")));

    private static string Describe(Exception ex)
    {
        // ClientWebSocket wraps the real cause (refused, HTTP 401, ...); say both.
        var inner = ex.InnerException is { } cause && cause.Message != ex.Message ? $" ({cause.Message})" : "";
        return $"{ex.Message}{inner}";
    }

    private static string FormatName(FeedMessageFormat format) => format == FeedMessageFormat.BinanceTrade ? "binance_trade" : "algospace_json";

    /// <summary>One traded instrument of the feed: its own validator, and the ticks published for it.</summary>
    private sealed class InstrumentFeed(string symbol, TickValidator validator)
    {
        public string Symbol { get; } = symbol;

        public TickValidator Validator { get; } = validator;

        public long Published { get; set; }
    }
}
