using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlgoSpace.FeedReplay;

/// <summary>
/// Serves a tick file as a WebSocket market-data feed (docs/live-feed.md). One shared cursor walks the file and
/// every connected client receives the same ticks; the cursor advances only while at least one client is connected
/// (the replay is deterministic: a client that reconnects misses nothing but what its connection lost in flight,
/// which the <see cref="FeedReplayOptions.Overlap"/> re-sent on each new connection covers). A tick's id is its
/// 1-based position in the file, so ids are stable across restarts. <see cref="StopAsync"/> closes every
/// connection and stops listening ("kill the feed"); <see cref="StartAsync"/> again listens on the same port and
/// continues from the cursor ("bring it back"). <see cref="DropConnectionsAsync"/> aborts connections without
/// stopping. Tests start it in-process with port 0 and read <see cref="Url"/>.
/// </summary>
public sealed partial class FeedReplayServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private readonly FeedReplayOptions _options;
    private readonly TickTape _tape;
    private readonly string[] _symbols;
    private readonly FeedMessageWriter _writer;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, (FeedClient Client, Task ReadLoop)> _connected = new();
    private readonly ConcurrentQueue<FeedClient> _joining = new();
    private readonly ConcurrentQueue<byte[]> _injected = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly List<FeedClient> _clients = [];
    private WebApplication? _app;
    private CancellationTokenSource? _stop;
    private Task? _pump;
    private long _cursor;
    private int _clientNumber;
    private DateTime? _lastTick;
    private volatile bool _accepting;

    public FeedReplayServer(FeedReplayOptions options, ILogger? logger = null)
    {
        options.Validate();
        _options = options;
        _symbols = options.Sources.Select(s => s.Symbol).ToArray();
        _tape = TickTape.Load(options.Sources.Select(s => s.File).ToList(), options.Loop);
        _writer = new FeedMessageWriter(options.Format);
        _logger = logger ?? NullLogger.Instance;
        Port = options.Port;
    }

    /// <summary>The port listened on: the option's, or the one picked when it was 0 (kept across restarts).</summary>
    public int Port { get; private set; }

    public Uri Url => new($"ws://{(_options.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{_options.Address}]" : _options.Address)}:{Port}{_options.Path}");

    /// <summary>Ticks sent so far: the next tick to send has id <c>Sent + 1</c>.</summary>
    public long Sent => Interlocked.Read(ref _cursor);

    /// <summary>Ticks in one pass of the file.</summary>
    public int TickCount => _tape.Count;

    /// <summary>Every tick has been sent (never true when looping).</summary>
    public bool Finished => !_tape.HasTick(Sent);

    public int ConnectedClients => _connected.Count;

    public bool IsRunning => _app is not null;

    public async Task StartAsync(CancellationToken cancellation = default)
    {
        if (_app is not null) throw new InvalidOperationException("The feed is already running.");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, ServerLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(_options.Address, Port));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map(_options.Path, ServeAsync);
        await app.StartAsync(cancellation);
        _app = app;
        Port = new Uri(app.Urls.First()).Port;
        _stop = new CancellationTokenSource();
        _accepting = true;
        _pump = Task.Run(() => PumpAsync(_stop.Token), CancellationToken.None);
        LogListening(_logger, Url, _tape.Count, Sent);
    }

    /// <summary>Closes every connection (cleanly, after what was already sent) and stops listening; the cursor stays.</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app) return;
        _app = null;

        // Kestrel still listens until the end of the stop; a client reconnecting meanwhile must not get in.
        _accepting = false;
        await _stop!.CancelAsync();
        if (await Task.WhenAny(_pump!, Task.Delay(StopTimeout)) != _pump)
        {
            // A send to a client that does not read: only dropping it frees the pump.
            foreach (var (client, _) in _connected.Values) client.Abort();
        }

        await _pump!;
        await Task.WhenAll(_connected.Values.Select(c => c.Client.CloseAsync(c.ReadLoop, StopTimeout)));
        using (var limit = new CancellationTokenSource(StopTimeout)) await app.StopAsync(limit.Token);
        await app.DisposeAsync();
        _stop.Dispose();
        LogStopped(_logger, Url, Sent);
    }

    /// <summary>Aborts every connection (no close handshake) and keeps listening: clients must reconnect.</summary>
    public Task DropConnectionsAsync()
    {
        foreach (var (client, _) in _connected.Values) client.Abort();
        return Task.CompletedTask;
    }

    /// <summary>Test hook: sends this text to every connected client, as it is, before the next tick.</summary>
    public void Inject(string message)
    {
        _injected.Enqueue(Encoding.UTF8.GetBytes(message));
        _wake.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _wake.Dispose();
    }

    private async Task ServeAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("This is a WebSocket market-data feed.");
            return;
        }

        if (!_accepting)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (_options.ApiKey is { } key && !string.Equals(http.Request.Headers["X-API-Key"], key, StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var client = new FeedClient(socket, Interlocked.Increment(ref _clientNumber));
        var read = client.ReadUntilClosedAsync(CancellationToken.None);
        _connected[client.Number] = (client, read);
        LogConnected(_logger, client.Number, http.Connection.RemoteIpAddress?.ToString() ?? "?", Sent);
        _joining.Enqueue(client);
        _wake.Release();
        await read;
        _connected.TryRemove(client.Number, out _);
        LogDisconnected(_logger, client.Number, Sent);
    }

    /// <summary>
    /// The one sender: admits new clients (overlap first), sends injected messages, then the tick at the cursor
    /// when it is due, and a heartbeat whenever nothing was sent for the heartbeat interval. The cursor advances
    /// when at least one client took the tick; with no client connected the pump waits and the clock stops.
    /// </summary>
    private async Task PumpAsync(CancellationToken stop)
    {
        _clients.Clear();
        var pacing = new Pacing(_options);
        var lastSend = Stopwatch.GetTimestamp();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                _clients.RemoveAll(c => c.Gone);
                while (_joining.TryDequeue(out var joining)) await AdmitAsync(joining);
                if (_clients.Count == 0)
                {
                    pacing.Pause();
                    await _wake.WaitAsync(stop);
                    continue;
                }

                if (_injected.TryDequeue(out var raw))
                {
                    await BroadcastAsync(raw);
                    lastSend = Stopwatch.GetTimestamp();
                    continue;
                }

                var heartbeatIn = _options.HeartbeatInterval - Stopwatch.GetElapsedTime(lastSend);
                var cursor = Sent;
                var waitTick = _tape.HasTick(cursor) ? pacing.Until(cursor, _tape[cursor].Timestamp) : Timeout.InfiniteTimeSpan;
                if (waitTick > TimeSpan.Zero || waitTick == Timeout.InfiniteTimeSpan)
                {
                    if (heartbeatIn <= TimeSpan.Zero)
                    {
                        await BroadcastAsync(_writer.Heartbeat(_lastTick));
                        lastSend = Stopwatch.GetTimestamp();
                        continue;
                    }

                    var wait = waitTick == Timeout.InfiniteTimeSpan || heartbeatIn < waitTick ? heartbeatIn : waitTick;
                    // A wait under a millisecond would be truncated to none and the pump would spin a core until the
                    // tick is due; a tick sent up to a timer tick late is fine (the pace is kept from the origin).
                    await _wake.WaitAsync(wait < MinimumWait ? MinimumWait : wait, stop);
                    continue;
                }

                var tick = _tape[cursor];
                if (await BroadcastAsync(Message(cursor)) > 0)
                {
                    _lastTick = tick.Timestamp;
                    Interlocked.Increment(ref _cursor);
                    if (!_tape.HasTick(cursor + 1)) LogFinished(_logger, cursor + 1);
                }

                lastSend = Stopwatch.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task AdmitAsync(FeedClient client)
    {
        var cursor = Sent;
        for (var position = Math.Max(0, cursor - _options.Overlap); position < cursor; position++)
        {
            if (!await client.SendAsync(Message(position), CancellationToken.None)) return;
        }

        _clients.Add(client);
    }

    private byte[] Message(long position) => _writer.Tick(position + 1, _tape[position], _symbols[_tape.InstrumentAt(position)]);

    /// <summary>Sends to every client; how many took it.</summary>
    private async Task<int> BroadcastAsync(byte[] message)
    {
        var delivered = 0;
        foreach (var client in _clients)
        {
            if (await client.SendAsync(message, CancellationToken.None)) delivered++;
        }

        return delivered;
    }
}
