using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class IndicatorBuildingBlockTests
{
    private static BarPayload Bar(double open, double high, double low, double close) =>
        new("ES", new DateTime(2024, 1, 2, 10, 0, 0), open, high, low, close, 100, 30, 10, false);

    [Fact]
    public void Heiken_ashi_follows_the_formulas_on_a_short_series()
    {
        var converter = new HeikenAshiConverter();

        // Bar 1: HAc = (10+12+9+11)/4 = 10.5; first HAo = (10+11)/2 = 10.5; HAh = max(12, 10.5, 10.5) = 12; HAl = 9.
        Assert.Equal(new HeikenAshiBar(10.5, 12, 9, 10.5), converter.Next(Bar(10, 12, 9, 11)));
        // Bar 2: HAc = (11+14+10+13)/4 = 12; HAo = (10.5+10.5)/2 = 10.5; HAh = 14; HAl = 10.
        Assert.Equal(new HeikenAshiBar(10.5, 14, 10, 12), converter.Next(Bar(11, 14, 10, 13)));
        // Bar 3: HAc = (13+13.5+12+12.5)/4 = 12.75; HAo = (10.5+12)/2 = 11.25, below the low 12, so HAl = 11.25.
        Assert.Equal(new HeikenAshiBar(11.25, 13.5, 11.25, 12.75), converter.Next(Bar(13, 13.5, 12, 12.5)));
    }

    [Fact]
    public void Heiken_ashi_continues_from_a_restored_state()
    {
        var first = new HeikenAshiConverter();
        first.Next(Bar(10, 12, 9, 11));
        var second = new HeikenAshiConverter();
        second.RestoreState((HeikenAshiState)OrleansRoundTrip.Copy(first.SaveState()));

        // As bar 2 above: HAo = (10.5+10.5)/2, not the first-bar rule (11+13)/2 = 12.
        Assert.Equal(10.5, second.Next(Bar(11, 14, 10, 13)).Open);
    }

    [Fact]
    public void Weighted_moving_average_weights_the_newest_most()
    {
        var wma = new WeightedMovingAverage(3);

        Assert.Equal(1, wma.Add(1));
        Assert.Equal(5.0 / 3, wma.Add(2), 12);           // partial: (2·2 + 1·1)/3
        Assert.Equal(14.0 / 6, wma.Add(3), 12);          // (3·3 + 2·2 + 1·1)/6
        Assert.True(wma.IsFull);
        Assert.Equal(20.0 / 6, wma.Add(4), 12);          // (3·4 + 2·3 + 1·2)/6: the 1 has left
    }

    [Fact]
    public void Wilder_rsi_seeds_with_the_mean_then_smooths()
    {
        var rsi = new WilderRsi(3);
        rsi.Add(10);
        rsi.Add(11);
        rsi.Add(10.5);
        Assert.False(rsi.IsReady);                       // two changes of three

        // Changes +1, −0.5, +1.5: gain = 2.5/3, loss = 0.5/3, RS = 5, RSI = 100 − 100/6.
        Assert.Equal(100 - 100.0 / 6, rsi.Add(12), 9);
        // Change −1: gain = (2.5/3·2 + 0)/3 = 5/9, loss = (0.5/3·2 + 1)/3 = 4/9, RS = 1.25, RSI = 100 − 100/2.25.
        Assert.Equal(100 - 100 / 2.25, rsi.Add(11), 9);
    }

    [Fact]
    public void Wilder_rsi_of_a_flat_series_reads_100_and_of_a_falling_one_0()
    {
        var flat = new WilderRsi(2);
        foreach (var x in new[] { 5.0, 5, 5 }) flat.Add(x);
        var falling = new WilderRsi(2);
        foreach (var x in new[] { 5.0, 4, 3 }) falling.Add(x);

        Assert.Equal(100, flat.Value);
        Assert.Equal(0, falling.Value);
    }

    [Fact]
    public void Ring_buffer_keeps_the_newest_values_and_restores_them()
    {
        var ring = new RingBuffer(3);
        foreach (var x in new[] { 1.0, 2, 3, 4 }) ring.Add(x);

        Assert.Equal([2.0, 3, 4], ring.ToArray());
        Assert.Equal(4, ring[0]);
        Assert.Equal(2, ring[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring[3]);

        var copy = new RingBuffer(3);
        copy.Restore(ring.ToArray());
        copy.Add(5);
        Assert.Equal([3.0, 4, 5], copy.ToArray());
    }
}
