namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// Parameters of <see cref="SampleTickGenerator"/>. The defaults describe ES around early 2024: 4,750 points,
/// 0.25 tick, about 1 % daily volatility, a 09:30-16:00 session.
/// </summary>
public sealed record SampleTickOptions
{
    public int Seed { get; init; } = 42;
    public int Days { get; init; } = 5;

    /// <summary>The first trading day; a weekend date moves to the Monday after.</summary>
    public DateOnly Start { get; init; } = new(2024, 1, 2);

    /// <summary>Expected ticks per session; the real count varies around it, as arrivals are random.</summary>
    public int TicksPerDay { get; init; } = 16_000;

    public double StartPrice { get; init; } = 4_750;
    public double TickSize { get; init; } = 0.25;

    /// <summary>Standard deviation of one session's log return.</summary>
    public double DailyVolatility { get; init; } = 0.01;

    /// <summary>Standard deviation of the log return from one session's close to the next open.</summary>
    public double OvernightVolatility { get; init; } = 0.004;

    public TimeOnly SessionOpen { get; init; } = new(9, 30);
    public TimeOnly SessionClose { get; init; } = new(16, 0);

    /// <summary>How much busier and more volatile the open and close are than midday (the U shape): 2 = three times.</summary>
    public double OpenCloseBoost { get; init; } = 2.0;
}
