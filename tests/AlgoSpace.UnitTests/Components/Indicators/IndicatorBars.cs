using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Indicators;

/// <summary>30-minute bars for the indicator tests, numbered from a fixed start.</summary>
internal static class IndicatorBars
{
    private static readonly DateTime Start = new(2024, 1, 2, 9, 30, 0, DateTimeKind.Utc);

    public static BarPayload Bar(int index, double high, double low, double close, long volume, double? open = null) =>
        new("ES", Start.AddMinutes(30 * index), open ?? close, high, low, close, volume, 30, 1, false);

    /// <summary>A seeded random walk (its own small generator, not the code under test's).</summary>
    public static List<BarPayload> RandomWalk(int count, int seed)
    {
        var random = new Random(seed);
        var bars = new List<BarPayload>(count);
        var close = 5000.0;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = Math.Round((open + (random.NextDouble() - 0.5) * 8) * 4) / 4;
            var high = Math.Max(open, close) + Math.Round(random.NextDouble() * 8) / 4;
            var low = Math.Min(open, close) - Math.Round(random.NextDouble() * 8) / 4;
            bars.Add(Bar(i, high, low, close, 1000 + random.Next(5000), open));
        }
        return bars;
    }
}
