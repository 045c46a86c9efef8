using System.Globalization;
using System.Text;

namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// Deterministic synthetic ES trade ticks for the sample data and for tests: sessions on weekdays, trade arrivals
/// as a Poisson process whose rate follows the intraday U shape (busy open and close, quiet midday), a geometric
/// random walk for the mid price whose variance follows the same U shape, trades printed at the bid or the ask of
/// the 0.25 grid around the mid (the bid-ask bounce; a trade is on the same side as the one before three times in
/// four, as order flow runs in streaks), and lognormal trade sizes that are larger when the market
/// is busy. Timestamps are exchange wall times without a zone, with milliseconds.
/// All randomness comes from one <see cref="Random"/> seeded with <see cref="SampleTickOptions.Seed"/>, drawn in a
/// fixed order, so a seed gives the same ticks every time (and the same bytes from <see cref="WriteCsv(TextWriter)"/>).
/// </summary>
public sealed class SampleTickGenerator(SampleTickOptions options)
{
    public const string Header = "timestamp,price,volume";

    public SampleTickOptions Options { get; } = options;

    /// <summary>The trading days: weekdays from <see cref="SampleTickOptions.Start"/> (no holiday calendar).</summary>
    public IEnumerable<DateOnly> TradingDays()
    {
        var day = Options.Start;
        for (var count = 0; count < Options.Days; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            count++;
            yield return day;
        }
    }

    public IEnumerable<MarketTick> Generate()
    {
        var random = new Random(Options.Seed);
        var session = (Options.SessionClose - Options.SessionOpen).TotalSeconds;
        if (session <= 0) throw new ArgumentException("The session must close after it opens.", nameof(options));
        var boost = Options.OpenCloseBoost;

        // The U shape u(x) = 1 + boost·(2x − 1)², x = time through the session in [0, 1]; its mean is 1 + boost/3.
        var meanShape = 1 + boost / 3;
        var baseRate = Options.TicksPerDay / (session * meanShape);
        var variancePerSecond = Options.DailyVolatility * Options.DailyVolatility / session;
        var logMid = Math.Log(Options.StartPrice);
        var first = true;
        var atAsk = false;

        foreach (var day in TradingDays())
        {
            if (!first) logMid += Options.OvernightVolatility * Normal(random);
            first = false;
            var open = day.ToDateTime(Options.SessionOpen);
            var t = 0.0;
            while (true)
            {
                var shape = 1 + boost * Square(2 * t / session - 1);
                var gap = -Math.Log(1 - random.NextDouble()) / (baseRate * shape);
                t += gap;
                if (t >= session) break;

                var variance = variancePerSecond * gap * shape / meanShape;
                logMid += Math.Sqrt(variance) * Normal(random) - variance / 2;
                var mid = Math.Exp(logMid);
                var bid = Math.Floor(mid / Options.TickSize) * Options.TickSize;
                if (random.NextDouble() < 0.25) atAsk = !atAsk;
                var price = atAsk ? bid + Options.TickSize : bid;
                var size = Math.Exp(0.6 + 0.9 * Normal(random)) * (0.6 + 0.4 * shape);
                var volume = Math.Max(1L, (long)Math.Round(size));
                var timestamp = open.AddTicks((long)(t * 1000) * TimeSpan.TicksPerMillisecond);
                yield return new MarketTick(timestamp, price, volume);
            }
        }
    }

    /// <summary>Writes the header and every tick, one per line with '\n' endings, so the bytes do not depend on the platform.</summary>
    public long WriteCsv(TextWriter writer)
    {
        writer.Write(Header);
        writer.Write('\n');
        var count = 0L;
        var line = new StringBuilder(48);
        foreach (var tick in Generate())
        {
            line.Clear();
            line.Append(tick.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))
                .Append(',').Append(tick.Price.ToString("0.00", CultureInfo.InvariantCulture))
                .Append(',').Append(tick.Volume.ToString(CultureInfo.InvariantCulture))
                .Append('\n');
            writer.Write(line);
            count++;
        }

        return count;
    }

    /// <summary>Writes the CSV to a file (UTF-8 without a byte-order mark) and returns the number of ticks.</summary>
    public long WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return WriteCsv(writer);
    }

    private static double Square(double x) => x * x;

    /// <summary>A standard normal draw (Box-Muller; two uniforms per draw, so the draw order stays simple).</summary>
    private static double Normal(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
