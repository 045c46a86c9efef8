namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// One instrument of <see cref="SamplePortfolioGenerator"/>: its price grid, level, volatility, activity and session.
/// <see cref="ES"/>, <see cref="NQ"/> and <see cref="CL"/> describe the futures around early 2024.
/// </summary>
public sealed record SampleInstrument
{
    /// <summary>The name of the instrument and of its file, <c>{Symbol}-ticks.csv.gz</c>.</summary>
    public required string Symbol { get; init; }

    public required double StartPrice { get; init; }
    public required double TickSize { get; init; }

    /// <summary>Standard deviation of one session's log return.</summary>
    public required double DailyVolatility { get; init; }

    /// <summary>Standard deviation of the log return from one session's close to the next open.</summary>
    public required double OvernightVolatility { get; init; }

    /// <summary>Expected ticks per session; the real count varies around it, as arrivals are random.</summary>
    public int TicksPerDay { get; init; } = 8_000;

    public TimeOnly SessionOpen { get; init; } = new(1, 0);
    public TimeOnly SessionClose { get; init; } = new(23, 30);

    /// <summary>How much busier and more volatile the open and close are than midday (the U shape): 2 = three times.</summary>
    public double OpenCloseBoost { get; init; } = 2.0;

    /// <summary>E-mini S&amp;P 500: 4,750 points, 0.25 tick, about 1 % a day, 01:00-23:30.</summary>
    public static SampleInstrument ES { get; } = new()
    {
        Symbol = "ES", StartPrice = 4_750, TickSize = 0.25, DailyVolatility = 0.010, OvernightVolatility = 0.003,
    };

    /// <summary>E-mini Nasdaq-100: 16,800 points, 0.25 tick, about 1.3 % a day, 01:00-23:30.</summary>
    public static SampleInstrument NQ { get; } = new()
    {
        Symbol = "NQ", StartPrice = 16_800, TickSize = 0.25, DailyVolatility = 0.013, OvernightVolatility = 0.004,
    };

    /// <summary>WTI crude oil: $72.50, 0.01 tick, about 2 % a day, 01:00-22:30 (its own, shorter session).</summary>
    public static SampleInstrument CL { get; } = new()
    {
        Symbol = "CL", StartPrice = 72.50, TickSize = 0.01, DailyVolatility = 0.020, OvernightVolatility = 0.006,
        SessionClose = new TimeOnly(22, 30),
    };

    /// <summary>The instruments with defaults, by symbol.</summary>
    public static IReadOnlyList<SampleInstrument> Known { get; } = [ES, NQ, CL];

    /// <summary>The defaults of a known instrument (case-insensitive symbol).</summary>
    public static SampleInstrument Get(string symbol) =>
        Known.FirstOrDefault(i => string.Equals(i.Symbol, symbol.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown instrument '{symbol}'; known: {string.Join(", ", Known.Select(i => i.Symbol))}");

    /// <summary>The session's arrival and volatility pattern.</summary>
    public SampleSession Session() => new(SessionOpen, SessionClose, TicksPerDay, DailyVolatility, OpenCloseBoost);
}
