
namespace AlgoSpace.MarketData.Files;

/// <summary>
/// Turns one OHLCV bar into the four ticks of component-contracts 2.1: the open at the bar's start; then low and
/// high if the bar closed at or above its open (it went down first, then up), else high and low, at 25 % and 50 %
/// of the bar; the close at 75 %. Each tick carries ⌊V/4⌋ of the volume and the close also the remainder, so the
/// ticks' volumes add up to the bar's.
/// </summary>
public static class BarExpander
{
    public const int TicksPerBar = 4;

    /// <summary>Writes the bar's ticks into <paramref name="ticks"/> (at least four long). The volume must not be negative.</summary>
    public static void Expand(in BarRow bar, TimeSpan duration, Span<MarketTick> ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar.Volume);
        var share = bar.Volume / TicksPerBar;
        var remainder = bar.Volume - share * TicksPerBar;
        var rising = bar.Close >= bar.Open;
        var quarter = duration.Ticks / TicksPerBar;

        ticks[0] = new MarketTick(bar.Timestamp, bar.Open, share);
        ticks[1] = new MarketTick(bar.Timestamp.AddTicks(quarter), rising ? bar.Low : bar.High, share);
        ticks[2] = new MarketTick(bar.Timestamp.AddTicks(2 * quarter), rising ? bar.High : bar.Low, share);
        ticks[3] = new MarketTick(bar.Timestamp.AddTicks(3 * quarter), bar.Close, share + remainder);
    }
}
