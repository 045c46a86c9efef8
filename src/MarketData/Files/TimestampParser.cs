namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Reads the timestamps market-data files use, without a time zone (exchange wall time):
/// ISO <c>yyyy-MM-dd[T| ]HH:mm[:ss[.fffffff]]</c>, and slash dates read day-first,
/// <c>d/m/yyyy H:mm[:ss[.fff]]</c>, with one or two digits for day, month and hour so that the spreadsheet styles
/// <c>dd/mm/yyyy HH:MM:SS</c> and <c>d/m/yyyy H:MM</c> can be mixed in one file (component-contracts section 4).
/// Slash dates are never read month-first: doing so reorders about 40 % of the real 30-minute files' rows.
/// Hand-written rather than DateTime.TryParseExact because the reader parses millions of these per run.
/// </summary>
public static class TimestampParser
{
    /// <summary>A date with an optional time of day (date alone = midnight).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        var position = 0;
        if (!TryReadDate(text, ref position, out var date)) return false;
        if (position == text.Length)
        {
            value = date;
            return true;
        }

        if (text[position] is not ('T' or ' ')) return false;
        position++;
        while (position < text.Length && text[position] == ' ') position++;
        if (!TryReadTime(text, ref position, out var time) || position != text.Length) return false;
        value = date.AddTicks(time);
        return true;
    }

    /// <summary>A date alone (the Date column of a file that splits date and time).</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateTime date)
    {
        var position = 0;
        return TryReadDate(text, ref position, out date) && position == text.Length;
    }

    /// <summary>A time of day alone (the Time column of a file that splits date and time), as ticks since midnight.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out long ticks)
    {
        var position = 0;
        return TryReadTime(text, ref position, out ticks) && position == text.Length;
    }

    private static bool TryReadDate(ReadOnlySpan<char> text, ref int position, out DateTime date)
    {
        date = default;
        if (!TryReadDigits(text, ref position, 1, 4, out var first, out var firstDigits) || position >= text.Length) return false;
        var separator = text[position];
        if (separator is not ('-' or '/')) return false;
        position++;
        if (!TryReadDigits(text, ref position, 1, 2, out var second, out _) || position >= text.Length || text[position] != separator) return false;
        position++;
        if (!TryReadDigits(text, ref position, 1, 4, out var third, out var thirdDigits)) return false;

        int year, month, day;
        if (firstDigits == 4)
        {
            // yyyy-MM-dd or yyyy/MM/dd: year first is never ambiguous.
            (year, month, day) = (first, second, third);
            if (thirdDigits > 2) return false;
        }
        else if (separator == '/' && thirdDigits == 4)
        {
            // d/m/yyyy: day first, always.
            (year, month, day) = (third, second, first);
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TryReadTime(ReadOnlySpan<char> text, ref int position, out long ticks)
    {
        ticks = 0;
        if (!TryReadDigits(text, ref position, 1, 2, out var hour, out _) || position >= text.Length || text[position] != ':') return false;
        position++;
        if (!TryReadDigits(text, ref position, 2, 2, out var minute, out _)) return false;
        var second = 0;
        long fraction = 0;
        if (position < text.Length && text[position] == ':')
        {
            position++;
            if (!TryReadDigits(text, ref position, 2, 2, out second, out _)) return false;
            if (position < text.Length && text[position] == '.')
            {
                position++;
                var digits = 0;
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    if (digits == 7) return false; // finer than a DateTime tick
                    fraction = fraction * 10 + (text[position] - '0');
                    digits++;
                    position++;
                }

                if (digits == 0) return false;
                for (; digits < 7; digits++) fraction *= 10;
            }
        }

        if (hour > 23 || minute > 59 || second > 59) return false;
        ticks = hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond + fraction;
        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> text, ref int position, int minDigits, int maxDigits, out int value, out int digits)
    {
        value = 0;
        digits = 0;
        while (position < text.Length && digits < maxDigits && char.IsAsciiDigit(text[position]))
        {
            value = value * 10 + (text[position] - '0');
            digits++;
            position++;
        }

        // A further digit means the field is longer than this part allows (a five-digit year, a three-digit day).
        return digits >= minDigits && (position >= text.Length || !char.IsAsciiDigit(text[position]));
    }
}
