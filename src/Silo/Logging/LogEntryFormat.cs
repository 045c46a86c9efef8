using System.Globalization;
using System.Text;
using System.Text.Json;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Silo.Logging;

/// <summary>One log entry, as the silo's own log writers (the run's log file, the live display) receive it.</summary>
public sealed record LogEntry(DateTime TimestampUtc, LogLevel Level, string Category, EventId EventId, string Message, Exception? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> State);

/// <summary>
/// Log entries as text lines or JSON lines. The JSON shape is that of .NET's JSON console formatter (Timestamp,
/// EventId, LogLevel, Category, Message, State, Exception), so the file and the console's JSON mode read alike.
/// </summary>
public static class LogEntryFormat
{
    public static string Format(LogEntry entry, LogFormat format) => format == LogFormat.Json ? Json(entry) : Text(entry, dateAndZone: true);

    /// <summary>"2026-12-06T10:18:02.622Z info: Category[100] Message", and the exception on the lines below.</summary>
    public static string Text(LogEntry entry, bool dateAndZone)
    {
        var text = new StringBuilder();
        text.Append(entry.TimestampUtc.ToString(dateAndZone ? "yyyy-MM-ddTHH:mm:ss.fffZ" : "HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Append(' ').Append(LevelName(entry.Level)).Append(": ")
            .Append(entry.Category).Append('[').Append(entry.EventId.Id.ToString(CultureInfo.InvariantCulture)).Append("] ")
            .Append(entry.Message);
        if (entry.Exception is { } ex) text.Append('\n').Append(ex);
        return text.ToString();
    }

    public static string Json(LogEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", entry.TimestampUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteNumber("EventId", entry.EventId.Id);
            json.WriteString("LogLevel", entry.Level.ToString());
            json.WriteString("Category", entry.Category);
            json.WriteString("Message", entry.Message);
            if (entry.Exception is { } ex) json.WriteString("Exception", ex.ToString());
            if (entry.State.Count > 0)
            {
                json.WriteStartObject("State");
                foreach (var (key, value) in entry.State) WriteValue(json, key, value);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Numbers stay numbers (a collector can sum them); everything else is its invariant text.</summary>
    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case bool b: json.WriteBoolean(key, b); break;
            case int or long or short or byte or uint or ulong or ushort or sbyte:
                json.WriteNumber(key, Convert.ToDecimal(value, CultureInfo.InvariantCulture)); break;
            case double d when double.IsFinite(d): json.WriteNumber(key, d); break;
            case float f when float.IsFinite(f): json.WriteNumber(key, f); break;
            case decimal m: json.WriteNumber(key, m); break;
            case IFormattable formattable: json.WriteString(key, formattable.ToString(null, CultureInfo.InvariantCulture)); break;
            default: json.WriteString(key, value.ToString()); break;
        }
    }

    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };

    /// <summary>The entry a logger receives, in the form the writers above take.</summary>
    public static LogEntry Capture<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        new(DateTime.UtcNow, level, category, eventId, formatter(state, exception), exception,
            state as IReadOnlyList<KeyValuePair<string, object?>> ?? []);
}
