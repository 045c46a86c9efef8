namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// Deterministic synthetic ES trade ticks for the sample data and for tests: sessions on weekdays, trade arrivals
/// as a Poisson process whose rate follows the intraday U shape (busy open and close, quiet midday), a geometric
/// random walk for the mid price whose variance follows the same U shape (<see cref="SampleSession"/>), trades printed
/// at the bid or the ask of the 0.25 grid around the mid, in streaks, with lognormal sizes that are larger when the
/// market is busy (<see cref="SampleTradePrinter"/>). Timestamps are exchange wall times without a zone, with milliseconds.
/// All randomness comes from one <see cref="Random"/> seeded with <see cref="SampleTickOptions.Seed"/>, drawn in a
/// fixed order, so a seed gives the same ticks every time (and the same bytes from <see cref="WriteCsv(TextWriter)"/>).
/// Several correlated instruments: <see cref="SamplePortfolioGenerator"/>.
/// </summary>
public sealed class SampleTickGenerator(SampleTickOptions options)
{
    public const string Header = SampleTickCsvWriter.Header;

    public SampleTickOptions Options { get; } = options;

    /// <summary>The trading days: weekdays from <see cref="SampleTickOptions.Start"/> (no holiday calendar).</summary>
    public IEnumerable<DateOnly> TradingDays() => SampleTradingDays.Weekdays(Options.Start, Options.Days);

    public IEnumerable<MarketTick> Generate()
    {
        var random = new Random(Options.Seed);
        var session = new SampleSession(Options.SessionOpen, Options.SessionClose, Options.TicksPerDay, Options.DailyVolatility, Options.OpenCloseBoost);
        var printer = new SampleTradePrinter(Options.TickSize);
        var logMid = Math.Log(Options.StartPrice);
        var first = true;

        // The draws per tick, in order: the arrival, the mid's shock, the side and the size; one shock overnight.
        foreach (var day in TradingDays())
        {
            if (!first) logMid += Options.OvernightVolatility * SampleRandom.Normal(random);
            first = false;
            for (var arrival = session.NextArrival(random, 0); session.Contains(arrival); arrival = session.NextArrival(random, arrival.Time))
            {
                var variance = session.Variance(arrival.Gap, arrival.Shape);
                logMid += Math.Sqrt(variance) * SampleRandom.Normal(random) - variance / 2;
                yield return printer.Print(random, session.Timestamp(day, arrival.Time), Math.Exp(logMid), arrival.Shape);
            }
        }
    }

    /// <summary>Writes the header and every tick, one per line with '\n' endings, so the bytes do not depend on the platform.</summary>
    public long WriteCsv(TextWriter writer)
    {
        using var csv = new SampleTickCsvWriter(writer, Options.TickSize);
        return csv.WriteAll(Generate());
    }

    /// <summary>Writes the CSV to a file (UTF-8 without a byte-order mark; gzip when the name ends in .gz) and returns the number of ticks.</summary>
    public long WriteCsv(string path)
    {
        using var csv = SampleTickCsvWriter.Create(path, Options.TickSize);
        return csv.WriteAll(Generate());
    }
}
