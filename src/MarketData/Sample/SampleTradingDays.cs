namespace AlgoSpace.MarketData.Sample;

/// <summary>The trading days of the sample generators: weekdays only, no holiday calendar.</summary>
public static class SampleTradingDays
{
    /// <summary>The first <paramref name="days"/> weekdays from <paramref name="start"/> (a weekend start moves to the Monday after).</summary>
    public static IEnumerable<DateOnly> Weekdays(DateOnly start, int days)
    {
        var day = start;
        for (var count = 0; count < days; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            count++;
            yield return day;
        }
    }
}
