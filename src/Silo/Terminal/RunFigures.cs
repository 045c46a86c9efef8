using System.Globalization;
using AlgoSpace.MarketData.Replay;

namespace AlgoSpace.Silo.Terminal;

/// <summary>What the live display shows of a run at one moment; gathered by the run monitor, drawn by <see cref="RunFiguresView"/>.</summary>
public sealed record RunFigures(string RunId, string Mode, string Source, TimeSpan Elapsed)
{
    /// <summary>A backtest's progress through its file; null in live mode or before the file is open.</summary>
    public ReplayProgress? Replay { get; init; }

    /// <summary>Ticks per second since the replay began and the time left at that pace.</summary>
    public (double Rate, TimeSpan? Eta) Pace { get; init; }

    /// <summary>The live feed's state; null in backtest.</summary>
    public FeedFigures? Feed { get; init; }

    /// <summary>The performance tracker's and the book's figures; null until first read or without a tracker.</summary>
    public TradingFigures? Trading { get; init; }

    public int Components { get; init; }

    /// <summary>Components that are not Running, as "name (State)".</summary>
    public IReadOnlyList<string> NotRunning { get; init; } = [];

    public string SystemState { get; init; } = "";

    public int Warnings { get; init; }

    public int Errors { get; init; }

    public string? LogPath { get; init; }
}

/// <summary>Realized figures from the performance tracker, and the book's open positions.</summary>
public sealed record TradingFigures(int Trades, double NetPnl, double Equity, double MaxDrawdown, double MaxDrawdownPercent)
{
    public int OpenPositions { get; init; }

    public double UnrealizedPnl { get; init; }

    /// <summary>Reads the tracker's "statistics" answer (trades=6 net=-5620.00 maxDrawdown=... equity=...); null when it is not one.</summary>
    public static TradingFigures? Parse(string answer)
    {
        var f = KeyValues.Parse(answer);
        return f.Long("trades") is { } trades && f.Double("net") is { } net && f.Double("equity") is { } equity
            ? new TradingFigures((int)trades, net, equity, f.Double("maxDrawdown") ?? 0, f.Double("maxDrawdownPct") ?? 0)
            : null;
    }
}

/// <summary>The live data handler's "status" answer, as far as the display shows it.</summary>
public sealed record FeedFigures(string State, long Published, DateTime? LastTick, long? LastMessageAgeMs, string LatencyP99Us, long Gaps, long Reconnects)
{
    public static FeedFigures? Parse(string answer)
    {
        var f = KeyValues.Parse(answer);
        if (f.Text("state") is not { } state) return null;
        DateTime? lastTick = DateTime.TryParse(f.Text("last_tick"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        return new FeedFigures(state, f.Long("published") ?? 0, lastTick, f.Long("last_message_age_ms"), f.Text("latency_p99_us") ?? "-",
            f.Long("gaps") ?? 0, f.Long("reconnects") ?? 0);
    }
}

/// <summary>A component's one-line key=value answer.</summary>
internal sealed class KeyValues
{
    private readonly Dictionary<string, string> _fields;

    private KeyValues(Dictionary<string, string> fields) => _fields = fields;

    public static KeyValues Parse(string answer) => new(answer.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(f => f.Split('=', 2)).Where(kv => kv.Length == 2)
        .GroupBy(kv => kv[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal));

    public string? Text(string key) => _fields.GetValueOrDefault(key);

    public long? Long(string key) => long.TryParse(Text(key), CultureInfo.InvariantCulture, out var v) ? v : null;

    public double? Double(string key) => double.TryParse(Text(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
