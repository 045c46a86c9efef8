namespace AlgoSpace.MarketData.Bars;

/// <summary>
/// Clock alignment of bars (component-contracts 2.2): truncate the seconds, then floor the minute of the day to a
/// multiple of the timeframe. Buckets restart at midnight, so a timeframe that divides 1440 (5, 30) gives equal
/// buckets all day.
/// </summary>
public static class BarClock
{
    /// <summary>The start of the bucket that contains <paramref name="time"/>.</summary>
    public static DateTime Floor(DateTime time, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        var minuteOfDay = (time.Hour * 60) + time.Minute;
        return time.Date.AddMinutes(minuteOfDay - (minuteOfDay % minutes));
    }

    /// <summary>
    /// The number of buckets strictly between the buckets starting at <paramref name="first"/> and
    /// <paramref name="last"/> (0 when they are adjacent or in order the wrong way), in constant time: each day has
    /// ⌈1440 / minutes⌉ buckets, numbered from midnight.
    /// </summary>
    public static long BucketsBetween(DateTime first, DateTime last, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        var perDay = (1440 + minutes - 1) / minutes;
        return Math.Max(0, Index(last) - Index(first) - 1);

        long Index(DateTime start) => (start.Ticks / TimeSpan.TicksPerDay * perDay) + (((start.Hour * 60) + start.Minute) / minutes);
    }

    /// <summary>The start of the bucket after the one starting at <paramref name="start"/>.</summary>
    public static DateTime Next(DateTime start, int minutes) => Floor(start.AddMinutes(minutes), minutes);
}
