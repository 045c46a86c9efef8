using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>Reads typed field values off a <see cref="Utf8JsonReader"/> positioned on the value, with errors that name the field.</summary>
internal static class JsonFields
{
    /// <summary>Longest string value read into a stack buffer (timestamps, numbers as strings).</summary>
    private const int MaxShortString = 64;

    public static string? Int64(ref Utf8JsonReader reader, string field, out long value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number) return $"field '{field}' must be an integer, got {Describe(reader.TokenType)}";
        return reader.TryGetInt64(out value) ? null : $"field '{field}' must be an integer, got {Raw(ref reader)}";
    }

    public static string? Double(ref Utf8JsonReader reader, string field, out double value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number) return $"field '{field}' must be a number, got {Describe(reader.TokenType)}";
        return reader.TryGetDouble(out value) ? null : $"field '{field}' must be a number, got {Raw(ref reader)}";
    }

    /// <summary>A decimal number written as a JSON string (Binance's prices and quantities) or as a number.</summary>
    public static string? DecimalString(ref Utf8JsonReader reader, string field, out double value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Number) return Double(ref reader, field, out value);
        if (reader.TokenType != JsonTokenType.String) return $"field '{field}' must be a decimal string, got {Describe(reader.TokenType)}";
        if (reader.ValueIsEscaped || reader.HasValueSequence
            || !double.TryParse(reader.ValueSpan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            return $"field '{field}' must be a decimal string, got {Raw(ref reader)}";
        }

        return null;
    }

    public static string? Text(ref Utf8JsonReader reader, string field, out string value)
    {
        value = "";
        if (reader.TokenType != JsonTokenType.String) return $"field '{field}' must be a string, got {Describe(reader.TokenType)}";
        value = reader.GetString()!;
        return null;
    }

    public static string? Timestamp(ref Utf8JsonReader reader, string field, out DateTime value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String) return $"field '{field}' must be an ISO 8601 time string, got {Describe(reader.TokenType)}";
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxShortString) return $"field '{field}' is not an ISO 8601 time: {length} characters";
        Span<char> text = stackalloc char[MaxShortString];
        var written = reader.CopyString(text);
        return FeedTimestamp.TryParse(text[..written], out value) ? null : $"field '{field}' is not an ISO 8601 time: '{text[..written]}'";
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };

    /// <summary>The value's own text, shortened, for an error message.</summary>
    private static string Raw(ref Utf8JsonReader reader)
    {
        var bytes = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxShortString));
        return reader.TokenType == JsonTokenType.String ? $"'{text}'" : text;
    }
}
