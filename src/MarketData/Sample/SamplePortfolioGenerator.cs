namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// Deterministic synthetic trade ticks of several correlated instruments (by default ES, NQ and CL) for portfolio
/// backtests, one tick file per instrument in the format of <see cref="SampleTickGenerator"/>, made of the same
/// pieces: each instrument's trades arrive in its own session as the U-shaped Poisson process of
/// <see cref="SampleSession"/> and print on its own tick grid through a <see cref="SampleTradePrinter"/>.
/// What the instruments share is the clock of their mid prices: each day, every instrument's arrivals are drawn first
/// (in the order of <see cref="SamplePortfolioOptions.Instruments"/>), then the arrivals of all of them are taken in
/// time order, and at each one every mid takes a step of its geometric random walk over the time since the one
/// before. A step's shocks are independent standard normal draws, one per instrument, made correlated by the Cholesky
/// factor of <see cref="SamplePortfolioOptions.CorrelationMatrix"/>, and scaled by each instrument's own variance
/// for the part of the step inside its session (a mid stands still outside its session). The overnight gaps are
/// correlated the same way. So the returns of any two instruments over any interval in both sessions are correlated
/// as the options say, less the noise of the bid-ask bounce.
/// All randomness comes from one <see cref="Random"/> seeded with <see cref="SamplePortfolioOptions.Seed"/>, drawn in
/// a fixed order: the same options give the same ticks, and the same bytes from <see cref="WriteFiles"/>.
/// </summary>
public sealed class SamplePortfolioGenerator(SamplePortfolioOptions options)
{
    public SamplePortfolioOptions Options { get; } = options;

    /// <summary>The trading days: weekdays from <see cref="SamplePortfolioOptions.Start"/> (no holiday calendar).</summary>
    public IEnumerable<DateOnly> TradingDays() => SampleTradingDays.Weekdays(Options.Start, Options.Days);

    /// <summary>The name of an instrument's file: <c>ES-ticks.csv.gz</c>.</summary>
    public static string FileName(string symbol) => $"{symbol}-ticks.csv.gz";

    /// <summary>The ticks of all the instruments in time order, each with the index of its instrument in <see cref="SamplePortfolioOptions.Instruments"/>.</summary>
    public IEnumerable<(int Instrument, MarketTick Tick)> Generate()
    {
        var instruments = Options.Instruments;
        Validate(instruments);
        var count = instruments.Count;
        var factor = new CholeskyFactor(Options.CorrelationMatrix());
        var sessions = instruments.Select(i => i.Session()).ToArray();
        var printers = instruments.Select(i => new SampleTradePrinter(i.TickSize)).ToArray();
        var logMids = instruments.Select(i => Math.Log(i.StartPrice)).ToArray();
        var independent = new double[count];
        var shocks = new double[count];
        var dayOpen = sessions.Min(s => s.OpenSecondOfDay);
        var dayClose = sessions.Max(s => s.OpenSecondOfDay + s.Seconds);
        var random = new Random(Options.Seed);
        var first = true;

        foreach (var day in TradingDays())
        {
            if (!first)
            {
                DrawShocks(random, factor, independent, shocks);
                for (var i = 0; i < count; i++) logMids[i] += instruments[i].OvernightVolatility * shocks[i];
            }

            first = false;
            var arrivals = new List<SampleArrival>[count];
            for (var i = 0; i < count; i++) arrivals[i] = Arrivals(random, sessions[i]);

            // Merge the instruments' arrivals by time (the earlier instrument first at a tie); each one steps every mid.
            var next = new int[count];
            var clock = dayOpen;
            while (true)
            {
                var instrument = -1;
                var at = double.MaxValue;
                for (var i = 0; i < count; i++)
                {
                    if (next[i] == arrivals[i].Count) continue;
                    var time = sessions[i].OpenSecondOfDay + arrivals[i][next[i]].Time;
                    if (time < at) (instrument, at) = (i, time);
                }

                if (instrument < 0) break;
                Step(random, factor, sessions, logMids, independent, shocks, clock, at);
                clock = at;
                var arrival = arrivals[instrument][next[instrument]++];
                var mid = Math.Exp(logMids[instrument]);
                yield return (instrument, printers[instrument].Print(random, sessions[instrument].Timestamp(day, arrival.Time), mid, arrival.Shape));
            }

            // The rest of each session after its last trade, so a whole session's variance is the daily volatility squared.
            Step(random, factor, sessions, logMids, independent, shocks, clock, dayClose);
        }
    }

    /// <summary>
    /// Writes <c>{Symbol}-ticks.csv.gz</c> for each instrument into <paramref name="directory"/> (created if missing):
    /// the CSV of <see cref="SampleTickGenerator"/>, gzip-compressed without a name or a time, so the bytes repeat.
    /// </summary>
    public IReadOnlyList<SamplePortfolioFile> WriteFiles(string directory)
    {
        Directory.CreateDirectory(directory);
        var instruments = Options.Instruments;
        Validate(instruments);
        var paths = instruments.Select(i => Path.Combine(directory, FileName(i.Symbol))).ToArray();
        var writers = new SampleTickCsvWriter[instruments.Count];
        try
        {
            for (var i = 0; i < writers.Length; i++) writers[i] = SampleTickCsvWriter.Create(paths[i], instruments[i].TickSize);
            foreach (var (instrument, tick) in Generate()) writers[instrument].Write(tick);
        }
        finally
        {
            foreach (var writer in writers) writer?.Dispose();
        }

        return instruments.Select((i, index) => new SamplePortfolioFile(i.Symbol, paths[index], writers[index].Count)).ToList();
    }

    private static void Validate(IReadOnlyList<SampleInstrument> instruments)
    {
        if (instruments.Count == 0) throw new ArgumentException("A portfolio needs at least one instrument.");
        var duplicate = instruments.GroupBy(i => i.Symbol, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The instrument '{duplicate.Key}' is in the portfolio twice.");
        foreach (var instrument in instruments)
        {
            if (instrument.Symbol.Length == 0 || !instrument.Symbol.All(char.IsAsciiLetterOrDigit))
            {
                throw new ArgumentException($"The symbol '{instrument.Symbol}' is not letters and digits (it names a file).");
            }

            if (!(instrument.StartPrice > 0) || !(instrument.TickSize > 0) || !(instrument.DailyVolatility >= 0) || !(instrument.OvernightVolatility >= 0) || instrument.TicksPerDay <= 0)
            {
                throw new ArgumentException($"{instrument.Symbol}: the start price, tick size and ticks per day must be positive, the volatilities not negative.");
            }
        }
    }

    /// <summary>One day's arrivals of an instrument, all drawn before the day's prices.</summary>
    private static List<SampleArrival> Arrivals(Random random, SampleSession session)
    {
        var arrivals = new List<SampleArrival>();
        for (var arrival = session.NextArrival(random, 0); session.Contains(arrival); arrival = session.NextArrival(random, arrival.Time)) arrivals.Add(arrival);
        return arrivals;
    }

    /// <summary>Independent standard normal draws, one per instrument, made correlated by the factor.</summary>
    private static void DrawShocks(Random random, CholeskyFactor factor, double[] independent, double[] shocks)
    {
        for (var i = 0; i < independent.Length; i++) independent[i] = SampleRandom.Normal(random);
        factor.Apply(independent, shocks);
    }

    /// <summary>Moves every mid from <paramref name="from"/> to <paramref name="to"/> (seconds after midnight) with one set of correlated shocks.</summary>
    private static void Step(Random random, CholeskyFactor factor, SampleSession[] sessions, double[] logMids, double[] independent, double[] shocks, double from, double to)
    {
        DrawShocks(random, factor, independent, shocks);
        for (var i = 0; i < sessions.Length; i++)
        {
            var variance = sessions[i].VarianceBetween(from - sessions[i].OpenSecondOfDay, to - sessions[i].OpenSecondOfDay);
            if (variance > 0) logMids[i] += Math.Sqrt(variance) * shocks[i] - variance / 2;
        }
    }
}
