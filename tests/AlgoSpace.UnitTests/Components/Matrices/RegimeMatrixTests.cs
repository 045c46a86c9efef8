using AlgoSpace.Grains.Components.Matrices;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.FeatureStore;

namespace AlgoSpace.Tests.Components.Matrices;

public sealed class RegimeMatrixTests
{
    private static RegimeMatrixBuilder Builder(int window) =>
        new(new MatrixAssemblerSettings { WindowSize = window, Features = [.. RegimeMatrixBuilder.ColumnFeatures] });

    private static IndicatorsReadyPayload Row(long seq, double[] mmd, double volatility = 0, double skew = 0, double acceleration = 0) =>
        Event30m(seq) with
        {
            Features30m = ThirtyMinuteFeatures.Defaults with { MmdFeatures = mmd },
            Derived = Derived() with { Volatility30 = volatility, VolumeProfileSkew = skew, PriceAcceleration = acceleration },
        };

    private static double[] Mmd(double scores = 0, double statistics = 0, double mean = 0)
    {
        var mmd = new double[23];
        for (var i = 0; i <= 6; i++) mmd[i] = scores;
        for (var i = 7; i <= 21; i++) mmd[i] = statistics;
        mmd[22] = mean;
        return mmd;
    }

    [Fact]
    public void The_default_matrix_is_96_rows_of_26_columns_appended_only_on_30_minute_events()
    {
        var builder = new RegimeMatrixBuilder(new AlgoSpaceSettings().MatrixAssemblers.Regime);
        for (var i = 0; i < 95; i++)
        {
            builder.Apply(Event30m(2 * i));
            builder.Apply(Event(2 * i + 1));
        }

        Assert.Equal(95, builder.Count);
        Assert.False(builder.GetMatrix(189).Ready);

        builder.Apply(Event30m(190));

        var reply = builder.GetMatrix(190);
        Assert.True(reply.Ready);
        Assert.Equal((96, 26, 96 * 26), (reply.Rows, reply.Columns, reply.Values.Length));
    }

    [Fact]
    public void Mmd_scores_are_clipped_at_3_and_the_last_two_columns_scaled()
    {
        var builder = Builder(window: 1);
        var mmd = Mmd(scores: 4, statistics: 100, mean: -5);
        mmd[3] = 1.25;

        builder.Apply(Row(0, mmd, volatility: 9, skew: 1.5, acceleration: -2.5));

        var row = builder.GetMatrix(0).Values;
        Assert.Equal(3, row[0], 6);         // 4 → clip 3
        Assert.Equal(1.25, row[3], 6);      // within ±3
        Assert.Equal(-3, row[22], 6);       // −5 → clip −3
        Assert.Equal(0, row[7], 6);         // statistics: first sample, z-score not applied yet → 0
        Assert.Equal(0, row[23], 6);        // volatility_30 likewise
        Assert.Equal(0.5, row[24], 6);      // 1.5/3
        Assert.Equal(-0.5, row[25], 6);     // −2.5/5
    }

    [Fact]
    public void Statistics_and_volatility_are_z_scored_from_the_11th_row()
    {
        var builder = Builder(window: 1);

        for (var i = 1; i <= 11; i++) builder.Apply(Row(i, Mmd(statistics: i), volatility: i));

        // 1..11 with a = 1/n: mean 6, variance 10; z(11) = 5/√10 = 1.58114, inside both clips (±3 and ±2).
        var row = builder.GetMatrix(11).Values;
        Assert.All(Enumerable.Range(7, 15), c => Assert.Equal(1.58114, row[c], 5));
        Assert.Equal(1.58114, row[23], 5);
    }

    [Fact]
    public void Statistics_are_clipped_at_3_and_volatility_at_2()
    {
        var builder = Builder(window: 1);
        for (var i = 0; i < 10; i++) builder.Apply(Row(i, Mmd(statistics: 0), volatility: 0));

        builder.Apply(Row(10, Mmd(statistics: 1), volatility: 1));

        // Ten 0s and a 1: mean 1/11, variance (1/11)(10/11), std √10/11; z(1) = (10/11)/(√10/11) = √10 = 3.162.
        var row = builder.GetMatrix(10).Values;
        Assert.Equal(3, row[7], 6);
        Assert.Equal(2, row[23], 6);
    }

    [Fact]
    public void A_missing_mmd_entry_keeps_its_last_value_and_a_non_finite_one_gives_0()
    {
        var builder = Builder(window: 2);
        builder.Apply(Row(0, Mmd(scores: 2, mean: 1)));
        var shortVector = new double[] { double.NaN, 1 };

        var result = builder.Apply(Row(1, shortVector));

        var second = builder.GetMatrix(1).Values[26..];
        Assert.Equal(0, second[0], 6);      // NaN → 0
        Assert.Equal(1, second[1], 6);      // present
        Assert.Equal(2, second[2], 6);      // missing → last value
        Assert.Equal(1, second[22], 6);     // missing → last value
        Assert.Equal(["mmd_features[0]"], result.NonFiniteFeatures);
    }
}
