namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// Turns a mid price into a printed trade, shared by the sample generators: the trade is at the bid or the ask of the
/// tick grid around the mid (the bid-ask bounce; a trade is on the same side as the one before three times in four, as
/// order flow runs in streaks), and its size is lognormal and larger when the market is busy. One printer per
/// instrument, as the side it last printed on is its state.
/// </summary>
public sealed class SampleTradePrinter(double tickSize)
{
    private bool _atAsk;

    public double TickSize { get; } = tickSize > 0 ? tickSize : throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, "The tick size must be positive.");

    /// <summary>The trade at <paramref name="timestamp"/> around <paramref name="mid"/> when the U shape is <paramref name="shape"/> (one uniform and one normal draw).</summary>
    public MarketTick Print(Random random, DateTime timestamp, double mid, double shape)
    {
        var bidTicks = Math.Floor(mid / TickSize);
        if (random.NextDouble() < 0.25) _atAsk = !_atAsk;
        var price = (_atAsk ? bidTicks + 1 : bidTicks) * TickSize;
        var size = Math.Exp(0.6 + 0.9 * SampleRandom.Normal(random)) * (0.6 + 0.4 * shape);
        var volume = Math.Max(1L, (long)Math.Round(size));
        return new MarketTick(timestamp, price, volume);
    }
}
