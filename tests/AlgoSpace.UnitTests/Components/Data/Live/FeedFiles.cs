using System.Globalization;
using System.Text;
using AlgoSpace.MarketData;

namespace AlgoSpace.Tests.Components.Data.Live;

/// <summary>Small tick files whose ticks the tests know without reading them back.</summary>
public static class FeedFiles
{
    public static readonly DateTime Start = new(2024, 1, 2, 9, 30, 0);

    /// <summary>
    /// Tick i (0-based): 250 ms apart from 09:30:00, price 4750 + 0.25 · (i mod 5) (within 5 % of any median, so the
    /// validator accepts every one), volume 1 + i mod 4, and with <paramref name="quotes"/> bid = price − 0.25, ask = price.
    /// </summary>
    public static MarketTick Tick(int i, bool quotes) =>
        new(Start.AddMilliseconds(250 * i), 4750 + 0.25 * (i % 5), 1 + i % 4, quotes ? 4750 + 0.25 * (i % 5) - 0.25 : null, quotes ? 4750 + 0.25 * (i % 5) : null);

    public static IReadOnlyList<MarketTick> Ticks(int count, bool quotes) => Enumerable.Range(0, count).Select(i => Tick(i, quotes)).ToList();

    public static TempDataFile Write(int count, bool quotes) => Write(Ticks(count, quotes), quotes);

    /// <summary>Another instrument's ticks: tick i at <paramref name="offset"/> after tick i of <see cref="Ticks"/>, at <paramref name="level"/>/4750 its price.</summary>
    public static IReadOnlyList<MarketTick> Instrument(int count, double level, TimeSpan offset) =>
        Ticks(count, quotes: false).Select(t => t with { Timestamp = t.Timestamp + offset, Price = Math.Round(t.Price * level / 4750, 2) }).ToList();

    public static TempDataFile Write(IEnumerable<MarketTick> ticks, bool quotes = false)
    {
        var text = new StringBuilder(quotes ? "timestamp,price,volume,bid,ask\n" : "timestamp,price,volume\n");
        foreach (var tick in ticks)
        {
            text.Append(CultureInfo.InvariantCulture, $"{tick.Timestamp:yyyy-MM-ddTHH:mm:ss.fff},{tick.Price},{tick.Volume}");
            if (quotes) text.Append(CultureInfo.InvariantCulture, $",{tick.Bid},{tick.Ask}");
            text.Append('\n');
        }

        return TempDataFile.WithText(text.ToString());
    }
}
