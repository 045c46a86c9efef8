namespace AlgoSpace.MarketData.Sample;

/// <summary>
/// The intraday pattern of one instrument's trading session, shared by the sample generators: trades arrive as a
/// Poisson process whose rate follows the U shape u(x) = 1 + boost·(2x − 1)², x the time through the session in
/// [0, 1] (busy open and close, quiet midday), and the variance of the mid price's log return follows the same shape,
/// scaled so that a whole session's variance is the daily volatility squared. Times are seconds after the open.
/// </summary>
public sealed class SampleSession
{
    private readonly double _boost;
    private readonly double _meanShape;
    private readonly double _baseRate;
    private readonly double _variancePerSecond;

    public SampleSession(TimeOnly open, TimeOnly close, int ticksPerDay, double dailyVolatility, double openCloseBoost)
    {
        Open = open;
        Close = close;
        Seconds = (close - open).TotalSeconds;
        if (Seconds <= 0 || close < open) throw new ArgumentException($"The session must close after it opens ({open:HH:mm}-{close:HH:mm}).");
        _boost = openCloseBoost;

        // The mean of the U shape over the session is 1 + boost/3.
        _meanShape = 1 + _boost / 3;
        _baseRate = ticksPerDay / (Seconds * _meanShape);
        _variancePerSecond = dailyVolatility * dailyVolatility / Seconds;
    }

    public TimeOnly Open { get; }
    public TimeOnly Close { get; }

    /// <summary>The length of the session in seconds.</summary>
    public double Seconds { get; }

    /// <summary>The open as seconds after midnight, to put several sessions on one clock.</summary>
    public double OpenSecondOfDay => Open.ToTimeSpan().TotalSeconds;

    /// <summary>The U shape <paramref name="time"/> seconds after the open.</summary>
    public double Shape(double time) => 1 + _boost * Square(2 * time / Seconds - 1);

    /// <summary>The next trade after the one at <paramref name="time"/> (one uniform draw); past the session when its <see cref="SampleArrival.Time"/> is at least <see cref="Seconds"/>.</summary>
    public SampleArrival NextArrival(Random random, double time)
    {
        var shape = Shape(time);
        var gap = -Math.Log(1 - random.NextDouble()) / (_baseRate * shape);
        return new SampleArrival(time + gap, gap, shape);
    }

    /// <summary>Whether the arrival is still in the session.</summary>
    public bool Contains(SampleArrival arrival) => arrival.Time < Seconds;

    /// <summary>The variance of the log mid's change over <paramref name="seconds"/> where the U shape is <paramref name="shape"/>.</summary>
    public double Variance(double seconds, double shape) => _variancePerSecond * seconds * shape / _meanShape;

    /// <summary>
    /// The variance of the log mid's change from <paramref name="from"/> to <paramref name="to"/> seconds after the open,
    /// counting only the part inside the session (zero when the interval is outside it), with the shape at its start.
    /// </summary>
    public double VarianceBetween(double from, double to)
    {
        var start = Math.Max(from, 0);
        var end = Math.Min(to, Seconds);
        return end > start ? Variance(end - start, Shape(start)) : 0;
    }

    /// <summary>The exchange time <paramref name="time"/> seconds after the open of <paramref name="day"/>, truncated to the millisecond.</summary>
    public DateTime Timestamp(DateOnly day, double time) =>
        day.ToDateTime(Open).AddTicks((long)(time * 1000) * TimeSpan.TicksPerMillisecond);

    private static double Square(double x) => x * x;
}
