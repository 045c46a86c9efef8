using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;

namespace AlgoSpace.Tests.Components.Indicators;

/// <summary>
/// 5- and 30-minute bars in the bar generator's order (by close time; on equal close times the 5m bar first), the
/// 30m bar made from its six 5m bars. Prices follow a deterministic wave so that every indicator has something to do.
/// </summary>
public static class BarSeries
{
    public static readonly DateTime Start = new(2024, 1, 2, 9, 0, 0);

    public static double Price(int i) => 5000 + 0.2 * i + 12 * Math.Sin(i * 2 * Math.PI / 61) + 4 * Math.Sin(i * 2 * Math.PI / 13);

    public static BarPayload FiveMinute(int i, double? close = null)
    {
        var open = Price(i - 1);
        var c = close ?? Price(i);
        var wiggle = 1 + (i % 4) * 0.5;
        return new BarPayload("ES", Start.AddMinutes(5 * i), open, Math.Max(open, c) + wiggle, Math.Min(open, c) - wiggle, c,
            100 + (i * 37 % 250), 5, 10, false);
    }

    public static BarPayload ThirtyMinute(IReadOnlyList<BarPayload> six) =>
        new("ES", six[0].Timestamp, six[0].Open, six.Max(b => b.High), six.Min(b => b.Low), six[^1].Close,
            six.Sum(b => b.Volume), 30, six.Sum(b => b.TickCount), false);

    /// <summary>The events for 5m bars 0…count−1 (starting on a 30-minute boundary).</summary>
    public static List<(string Type, BarPayload Bar)> Events(int count, Func<int, BarPayload>? fiveMinute = null)
    {
        var events = new List<(string, BarPayload)>();
        var bucket = new List<BarPayload>();
        for (var i = 0; i < count; i++)
        {
            var bar = (fiveMinute ?? (j => FiveMinute(j)))(i);
            events.Add((New5MinBar, bar));
            bucket.Add(bar);
            if (bucket.Count == 6)
            {
                events.Add((New30MinBar, ThirtyMinute(bucket)));
                bucket.Clear();
            }
        }

        return events;
    }

    public static EventEnvelope Envelope(string type, BarPayload bar, long seq) =>
        new(type, seq, bar.CloseTime, "bar_generator", $"bar_generator:{seq}", bar);
}
