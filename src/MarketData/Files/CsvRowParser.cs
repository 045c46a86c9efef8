using System.Globalization;

namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Reads the values of one data row by its file's <see cref="CsvLayout"/>. The timestamp is read on its own first,
/// so that rows outside the replayed date range cost no more than that. Allocation-free unless the row is bad
/// (then the message is built). Not thread-safe: it reuses one field buffer.
/// </summary>
public sealed class CsvRowParser(CsvLayout layout)
{
    // One more slot than the header has, so that a row with extra fields is seen as such.
    private readonly Range[] _fields = new Range[layout.FieldCount + 1];
    private int _fieldCount;

    public CsvLayout Layout { get; } = layout;

    /// <summary>Splits the row into fields; false (with the reason) when the count differs from the header's.</summary>
    public bool TrySplit(string line, out string? error)
    {
        _fieldCount = line.AsSpan().Split(_fields, ',');
        if (_fieldCount == Layout.FieldCount)
        {
            error = null;
            return true;
        }

        error = _fieldCount > Layout.FieldCount
            ? $"expected {Layout.FieldCount} fields like the header, found more: '{Shorten(line)}'"
            : $"expected {Layout.FieldCount} fields like the header, found {_fieldCount}: '{Shorten(line)}'";
        return false;
    }

    public bool TryReadTimestamp(string line, out DateTime timestamp, out string? error)
    {
        error = null;
        if (Layout.Timestamp >= 0)
        {
            var text = Field(line, Layout.Timestamp);
            if (TimestampParser.TryParse(text, out timestamp)) return true;
            error = $"timestamp '{text}' is neither ISO (yyyy-mm-dd hh:mm[:ss[.fff]]) nor day-first (d/m/yyyy h:mm[:ss])";
            return false;
        }

        var date = Field(line, Layout.Date);
        var time = Field(line, Layout.Time);
        if (TimestampParser.TryParseDate(date, out var day) && TimestampParser.TryParseTime(time, out var ticks))
        {
            timestamp = day.AddTicks(ticks);
            return true;
        }

        timestamp = default;
        error = $"date '{date}' and time '{time}' do not form a timestamp (ISO or day-first date; hh:mm[:ss[.fff]] time)";
        return false;
    }

    public bool TryReadTick(string line, DateTime timestamp, out MarketTick tick, out string? error)
    {
        tick = default;
        if (!TryReadPrice(line, Layout.Price, "price", out var price, out error)
            || !TryReadVolume(line, out var volume, out error)
            || !TryReadOptionalPrice(line, Layout.Bid, "bid", out var bid, out error)
            || !TryReadOptionalPrice(line, Layout.Ask, "ask", out var ask, out error))
        {
            return false;
        }

        tick = new MarketTick(timestamp, price, volume, bid, ask);
        return true;
    }

    /// <summary>Reads a bar; <paramref name="inconsistent"/> tells a bar whose prices contradict each other from an unreadable one.</summary>
    public bool TryReadBar(string line, DateTime timestamp, out BarRow bar, out bool inconsistent, out string? error)
    {
        bar = default;
        inconsistent = false;
        if (!TryReadPrice(line, Layout.Open, "open", out var open, out error)
            || !TryReadPrice(line, Layout.High, "high", out var high, out error)
            || !TryReadPrice(line, Layout.Low, "low", out var low, out error)
            || !TryReadPrice(line, Layout.Close, "close", out var close, out error)
            || !TryReadVolume(line, out var volume, out error))
        {
            return false;
        }

        bar = new BarRow(timestamp, open, high, low, close, volume);

        // Only finite prices can be compared; non-finite and non-positive ones are left to the tick validator,
        // which rejects exactly the ticks that carry them.
        if (double.IsFinite(open) && double.IsFinite(high) && double.IsFinite(low) && double.IsFinite(close)
            && (low > Math.Min(open, close) || high < Math.Max(open, close)))
        {
            inconsistent = true;
            error = $"bar prices contradict each other: open {Format(open)}, high {Format(high)}, low {Format(low)}, close {Format(close)} (need low <= open, close <= high)";
            return false;
        }

        return true;
    }

    private bool TryReadPrice(string line, int index, string name, out double value, out string? error)
    {
        var text = Field(line, index);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = null;
            return true;
        }

        error = $"{name} '{text}' is not a number";
        return false;
    }

    private bool TryReadOptionalPrice(string line, int index, string name, out double? value, out string? error)
    {
        value = null;
        error = null;
        if (index < 0 || Field(line, index).IsEmpty) return true;
        if (!TryReadPrice(line, index, name, out var price, out error)) return false;
        value = price;
        return true;
    }

    private bool TryReadVolume(string line, out long volume, out string? error)
    {
        var text = Field(line, Layout.Volume);
        error = null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out volume)) return true;

        // Some exports write volumes as decimals ("125.0"); a whole number is still a volume.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real) && real == Math.Floor(real) && Math.Abs(real) < 9e18)
        {
            volume = (long)real;
            return true;
        }

        error = $"volume '{text}' is not a whole number";
        return false;
    }

    private ReadOnlySpan<char> Field(string line, int index)
    {
        var field = line.AsSpan()[_fields[index]].Trim();
        if (field.Length >= 2 && field[0] == '"' && field[^1] == '"') field = field[1..^1].Trim();
        return field;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Shorten(string line) => line.Length <= 120 ? line : line[..117] + "...";
}
