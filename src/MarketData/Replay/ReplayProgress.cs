using System.Globalization;

namespace AlgoSpace.MarketData.Replay;

/// <summary>
/// How far a replay has come, as the data handler answers the query "progress": bytes of the file read against
/// its length, ticks published, the last tick's simulation time, and whether the end was reached. One line of
/// key=value pairs, so it travels through the components' string query.
/// </summary>
public sealed record ReplayProgress(long BytesRead, long Length, long Ticks, DateTime? LastTick, bool Complete)
{
    /// <summary>0..1; 1 once complete.</summary>
    public double Fraction => Complete ? 1 : Length > 0 ? Math.Clamp((double)BytesRead / Length, 0, 1) : 0;

    public static string Format(long bytesRead, long length, long ticks, DateTime? lastTick, bool complete) => string.Create(CultureInfo.InvariantCulture,
        $"bytes={bytesRead} length={length} ticks={ticks} last={(lastTick is { } t ? t.ToString("O", CultureInfo.InvariantCulture) : "-")} complete={(complete ? "true" : "false")}");

    /// <summary>Reads an answer of <see cref="Format"/>; null when it is not one (the source is not open).</summary>
    public static ReplayProgress? Parse(string answer)
    {
        var fields = answer.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("bytes", out var bytes) || !long.TryParse(bytes, CultureInfo.InvariantCulture, out var bytesRead)) return null;
        if (!fields.TryGetValue("length", out var len) || !long.TryParse(len, CultureInfo.InvariantCulture, out var length)) return null;
        if (!fields.TryGetValue("ticks", out var t) || !long.TryParse(t, CultureInfo.InvariantCulture, out var ticks)) return null;
        DateTime? last = fields.TryGetValue("last", out var l) && DateTime.TryParse(l, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
        return new ReplayProgress(bytesRead, length, ticks, last, fields.GetValueOrDefault("complete") == "true");
    }
}
