using AlgoSpace.Grains.Components.Matrices;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.FeatureStore;

namespace AlgoSpace.Tests.Components.Matrices;

public sealed class FiveMinuteMatrixTests
{
    private static FiveMinuteMatrixBuilder Builder(int window) =>
        new(new MatrixAssemblerSettings { WindowSize = window, Features = [.. FiveMinuteMatrixBuilder.ColumnFeatures] });

    private static IndicatorsReadyPayload Row(long seq, FvgFeatures fvg, double momentum = 0, double volumeRatio = 1) =>
        Event(seq) with { Fvg = fvg, Derived = Derived() with { PriceMomentum5 = momentum, VolumeRatio = volumeRatio } };

    private static float[] OnlyRow(IndicatorsReadyPayload payload)
    {
        var builder = Builder(window: 1);
        builder.Apply(payload);
        return builder.GetMatrix(payload.Seq).Values;
    }

    [Fact]
    public void The_default_matrix_is_60_rows_of_7_columns_one_row_per_5_minute_event()
    {
        var builder = new FiveMinuteMatrixBuilder(new AlgoSpaceSettings().MatrixAssemblers.FiveMinute);
        for (var i = 0; i < 59; i++) builder.Apply(i % 6 == 5 ? Event30m(i) : Event(i));
        Assert.False(builder.GetMatrix(58).Ready);

        builder.Apply(Event(59));

        var reply = builder.GetMatrix(59);
        Assert.True(reply.Ready);
        Assert.Equal((60, 7, 60 * 7), (reply.Rows, reply.Columns, reply.Values.Length));
    }

    [Fact]
    public void Each_column_is_normalised_as_the_contract_says()
    {
        var fvg = FvgFeatures.None with { BullishActive = true, NearestLevel = 5050, MitigationSignal = true, GapSizePct = 1.0 };

        var row = OnlyRow(Row(0, fvg, momentum: 2.5, volumeRatio: Math.E));

        Assert.Equal([1f, 0f], row[..2]);       // bullish active, bearish not
        Assert.Equal(0.5, row[2], 6);           // 100·(5050 − 5000)/5000 = 1, within ±2, /2
        Assert.Equal(1, row[3], 6);             // mitigation signal
        Assert.Equal(0.5, row[4], 6);           // 2.5/5
        Assert.Equal(0.761594, row[5], 6);      // tanh(ln e) = tanh(1)
        Assert.Equal(0.2, row[6], 6);           // 1.0/5
    }

    [Fact]
    public void Out_of_range_values_are_clipped_and_absent_ones_give_0()
    {
        var far = OnlyRow(Row(0, FvgFeatures.None with { NearestLevel = 5200, GapSizePct = 7 }, momentum: -7, volumeRatio: 0));
        var none = OnlyRow(Row(0, FvgFeatures.None with { NearestLevel = 0, GapSizePct = -1 }));

        Assert.Equal(1, far[2], 6);     // 100·200/5000 = 4 → clip 2 → /2 = 1
        Assert.Equal(-1, far[4], 6);    // −7/5 → clip −1
        Assert.Equal(0, far[5], 6);     // volume ratio 0: no log
        Assert.Equal(1, far[6], 6);     // 7/5 → clip to [0, 1]
        Assert.Equal(0, none[2], 6);    // no live gap
        Assert.Equal(0, none[6], 6);    // −1/5 → clip to 0
    }

    [Fact]
    public void After_wrapping_around_rows_are_oldest_first()
    {
        var builder = Builder(window: 3);

        for (var i = 0; i < 5; i++) builder.Apply(Row(i, FvgFeatures.None, momentum: 0.5 * (i + 1)));

        // momenta 0.5 … 2.5 → cells 0.1 … 0.5; the window keeps the last three, oldest first.
        var momentumColumn = builder.GetMatrix(4).Values.Where((_, i) => i % 7 == 4).ToArray();
        Assert.Equal(new[] { 0.3, 0.4, 0.5 }, momentumColumn.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void A_non_finite_input_gives_0_and_is_reported()
    {
        var builder = Builder(window: 1);

        var result = builder.Apply(Row(0, FvgFeatures.None with { GapSizePct = double.NaN }, momentum: double.NegativeInfinity, volumeRatio: Math.E));

        var row = builder.GetMatrix(0).Values;
        Assert.Equal((0f, 0f), (row[4], row[6]));
        Assert.Equal(0.761594, row[5], 6);
        Assert.Equal(["fvg_gap_size_pct", "price_momentum_5"], result.NonFiniteFeatures);
    }
}
