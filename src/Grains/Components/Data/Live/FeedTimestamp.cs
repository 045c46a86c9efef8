using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Grains.Components.Data.Live;

/// <summary>
/// Reads a feed message's time. The pipeline's times carry no zone (component-contracts 0: the exchange's wall time
/// as the data gives it), so a time written without a zone is taken as it is; one with <c>Z</c> or an offset
/// (<c>+01:00</c>, <c>-0500</c>) is brought to UTC first. The result is always <see cref="DateTimeKind.Unspecified"/>.
/// </summary>
public static class FeedTimestamp
{
    /// <summary>Position after which a '+' or '-' is an offset rather than a date separator (yyyy-MM-ddT is 11 characters).</summary>
    private const int DatePartLength = 10;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        var offset = TimeSpan.Zero;
        if (text.Length > 0 && text[^1] is 'Z' or 'z')
        {
            text = text[..^1];
        }
        else
        {
            var sign = text.LastIndexOfAny('+', '-');
            if (sign > DatePartLength)
            {
                if (!TryParseOffset(text[(sign + 1)..], out offset)) return false;
                if (text[sign] == '-') offset = -offset;
                text = text[..sign];
            }
        }

        if (!TimestampParser.TryParse(text, out var local)) return false;
        value = DateTime.SpecifyKind(local - offset, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>hh, hh:mm or hhmm.</summary>
    private static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = default;
        if (text.Length is not (2 or 4 or 5) || !TwoDigits(text, 0, out var hours) || hours > 14) return false;
        var minutes = 0;
        if (text.Length == 4 && !TwoDigits(text, 2, out minutes)) return false;
        if (text.Length == 5 && (text[2] != ':' || !TwoDigits(text, 3, out minutes))) return false;
        if (minutes > 59) return false;
        offset = new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1])) return false;
        value = (text[at] - '0') * 10 + (text[at + 1] - '0');
        return true;
    }
}
