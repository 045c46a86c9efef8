using System.Net;
using AlgoSpace.MarketData;

namespace AlgoSpace.FeedReplay;

/// <summary>What the replay server serves and how (docs/live-feed.md "The replay server").</summary>
public sealed class FeedReplayOptions
{
    public const int DefaultPort = 8765;
    public const string DefaultPath = "/ticks";

    /// <summary>The tick or OHLCV bar CSV (optionally .gz) to serve, read like a backtest file, as the ticks of <see cref="Symbol"/>.</summary>
    public string? File { get; init; }

    /// <summary>
    /// Several instruments on one feed instead of <see cref="File"/>: each file's ticks carry its symbol, merged in
    /// time order (equal times in the order given), numbered by one sequence, as a multi-instrument feed sends them.
    /// </summary>
    public IReadOnlyList<FeedInstrument> Instruments { get; init; } = [];

    /// <summary>What is served: <see cref="Instruments"/>, or <see cref="File"/> as <see cref="Symbol"/>.</summary>
    public IReadOnlyList<FeedInstrument> Sources => Instruments.Count > 0 ? Instruments : [new FeedInstrument(Symbol, File ?? "")];

    /// <summary>The address to listen on; only loopback unless <see cref="AllowRemote"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Allows a non-loopback <see cref="Host"/>: the feed has no authentication of its own beyond <see cref="ApiKey"/>.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>The port; 0 picks a free one (see <see cref="FeedReplayServer.Port"/>) and keeps it across restarts.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The WebSocket path.</summary>
    public string Path { get; init; } = DefaultPath;

    /// <summary>Ticks per second; 0 (with <see cref="Speed"/> 0) sends as fast as the slowest client reads.</summary>
    public double Rate { get; init; }

    /// <summary>Paces by the ticks' own times at this multiple of real time (1 = as they happened); 0 = not used.</summary>
    public double Speed { get; init; }

    public FeedMessageFormat Format { get; init; } = FeedMessageFormat.AlgoSpaceJson;

    /// <summary>A heartbeat goes out when nothing else was sent for this long.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>On each new connection, the last this many ticks already sent are sent again first (as real feeds do).</summary>
    public int Overlap { get; init; } = 20;

    /// <summary>The instrument name the messages carry.</summary>
    public string Symbol { get; init; } = "ES";

    /// <summary>After the last tick, start the file again (times shifted forward so they keep rising, ids continuing).</summary>
    public bool Loop { get; init; }

    /// <summary>When set, a client must send it in the X-API-Key header (else HTTP 401).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the option that is wrong.</summary>
    public void Validate()
    {
        if (Instruments.Count > 0 && File is not null) throw new ArgumentException("Give one file, or instruments (SYMBOL=FILE), not both.");
        if (Sources.Any(s => string.IsNullOrWhiteSpace(s.File))) throw new ArgumentException("No file to serve.");
        if (Sources.Any(s => string.IsNullOrWhiteSpace(s.Symbol))) throw new ArgumentException("An instrument has no symbol: give SYMBOL=FILE.");
        if (Sources.GroupBy(s => s.Symbol, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Symbol {twice.Key} is given {twice.Count()} times: one file per instrument.");
        }

        var address = ParseHost(Host);
        if (!IPAddress.IsLoopback(address) && !AllowRemote)
        {
            throw new ArgumentException($"Host {Host} is not a loopback address; the replay feed listens on 127.0.0.1 unless --allow-remote is given.");
        }

        if (Port is < 0 or > 65535) throw new ArgumentException($"Port {Port} is not between 0 and 65535.");
        if (!Path.StartsWith('/')) throw new ArgumentException($"Path '{Path}' must start with '/'.");
        if (Rate < 0 || !double.IsFinite(Rate)) throw new ArgumentException($"Rate {Rate} must be 0 or a positive number of ticks per second.");
        if (Speed < 0 || !double.IsFinite(Speed)) throw new ArgumentException($"Speed {Speed} must be 0 or a positive multiple of real time.");
        if (Rate > 0 && Speed > 0) throw new ArgumentException("Give a rate or a speed, not both.");
        if (HeartbeatInterval <= TimeSpan.Zero) throw new ArgumentException("The heartbeat interval must be positive.");
        if (Overlap < 0) throw new ArgumentException($"Overlap {Overlap} must not be negative.");
    }

    internal IPAddress Address => ParseHost(Host);

    private static IPAddress ParseHost(string host) =>
        host == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(host, out var address) ? address
        : throw new ArgumentException($"Host '{host}' is not an IP address (or localhost).");
}

/// <summary>One instrument a feed serves: its symbol in the messages, and the file of its ticks.</summary>
public sealed record FeedInstrument(string Symbol, string File);
