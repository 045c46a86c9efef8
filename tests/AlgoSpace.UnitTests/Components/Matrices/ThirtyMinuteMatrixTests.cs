using AlgoSpace.Grains.Components.Matrices;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Tests.Components.FeatureStore;

namespace AlgoSpace.Tests.Components.Matrices;

public sealed class ThirtyMinuteMatrixTests
{
    private static ThirtyMinuteMatrixBuilder Builder(int window, Dictionary<string, FeatureNormalisationSettings>? configs = null) =>
        new(new MatrixAssemblerSettings { WindowSize = window, Features = [.. ThirtyMinuteMatrixBuilder.ColumnFeatures], FeatureConfigs = configs ?? [] });

    private static IndicatorsReadyPayload Row(long seq, ThirtyMinuteFeatures features, int hour = 0, int minute = 0) =>
        Event30m(seq) with { Features30m = features, BarStart30m = Day.AddHours(hour).AddMinutes(minute) };

    private static ThirtyMinuteFeatures Features(double mlmi = 50, int mlmiSignal = 0, double nwrqk = Price, double slope = 0, double lvnDistance = 0, double lvnStrength = 0) =>
        ThirtyMinuteFeatures.Defaults with
        {
            MlmiValue = mlmi,
            MlmiSignal = mlmiSignal,
            NwrqkValue = nwrqk,
            NwrqkSlope = slope,
            LvnDistancePoints = lvnDistance,
            LvnNearestStrength = lvnStrength,
        };

    [Fact]
    public void The_default_matrix_is_48_rows_of_8_columns_ready_at_the_48th_30_minute_row()
    {
        var builder = new ThirtyMinuteMatrixBuilder(new AlgoSpaceSettings().MatrixAssemblers.ThirtyMinute);
        for (var i = 0; i < 47; i++) builder.Apply(Event30m(i));
        Assert.False(builder.GetMatrix(46).Ready);

        builder.Apply(Event30m(47));

        var reply = builder.GetMatrix(47);
        Assert.True(reply.Ready);
        Assert.Equal((48, 8, 48 * 8), (reply.Rows, reply.Columns, reply.Values.Length));
    }

    [Fact]
    public void Each_column_is_normalised_as_the_contract_says()
    {
        var builder = Builder(window: 1);

        builder.Apply(Row(0, Features(mlmi: 75, mlmiSignal: -1, nwrqk: 5010, slope: 0.05, lvnDistance: 10, lvnStrength: 80), hour: 3));

        var row = builder.GetMatrix(0).Values;
        Assert.Equal(0.5, row[0], 6);        // (75 − 50)/50
        Assert.Equal(-1, row[1], 6);         // signal as is
        Assert.Equal(0.04, row[2], 6);       // 100·(5010 − 5000)/5000 = 0.2, within ±5, /5
        Assert.Equal(0.462117, row[3], 6);   // first sample (n ≤ 10): tanh(10·0.05) = tanh(0.5)
        Assert.Equal(0.818731, row[4], 6);   // exp(−100·10/5000) = exp(−0.2)
        Assert.Equal(0.8, row[5], 6);        // 80/100
        Assert.Equal(0.707107, row[6], 6);   // 03:00 → 2π·3/24 = π/4; sin = √2/2
        Assert.Equal(0.707107, row[7], 6);   // cos = √2/2
    }

    [Fact]
    public void Nwrqk_value_is_clipped_at_5_percent_and_every_cell_at_3()
    {
        var builder = Builder(window: 1);

        builder.Apply(Row(0, Features(nwrqk: 5500, lvnDistance: -100), hour: 18, minute: 0));

        var row = builder.GetMatrix(0).Values;
        Assert.Equal(1, row[2], 6);     // 100·500/5000 = 10 → clip 5 → /5 = 1
        Assert.Equal(3, row[4], 6);     // exp(−100·(−100)/5000) = exp(2) = 7.39 → final clip 3
        Assert.Equal(-1, row[6], 6);    // 18:00 → 3π/2: sin −1, cos 0
        Assert.Equal(0, row[7], 6);
    }

    [Fact]
    public void Nwrqk_slope_uses_its_z_score_from_the_11th_sample_and_tanh_before()
    {
        var builder = Builder(window: 11);

        for (var i = 1; i <= 11; i++) builder.Apply(Row(i, Features(slope: i)));

        var values = builder.GetMatrix(11).Values;
        // Sample 10: n = 10, not applied → tanh(10·10) = 1.0 (its z-score would have been 4.5/2.872/2 = 0.78).
        Assert.Equal(1.0, values[9 * 8 + 3], 6);
        // Sample 11: slopes 1..11 with a = 1/n: mean 6, variance (11² − 1)/12 = 10; z = 5/√10 = 1.58114, within ±2, /2.
        Assert.Equal(0.790569, values[10 * 8 + 3], 5);
    }

    [Fact]
    public void Feature_configs_set_the_slope_alpha_and_the_contract_default_is_0_05()
    {
        Assert.Equal(0.05, ThirtyMinuteMatrixBuilder.SlopeAlpha);
        var builder = Builder(window: 1, new() { ["nwrqk_slope"] = new FeatureNormalisationSettings { EmaAlpha = 0.5 } });
        for (var i = 0; i < 100; i++) builder.Apply(Row(i, Features(slope: 0)));

        builder.Apply(Row(100, Features(slope: 1)));

        // n = 101 uses α = 0.5: mean 0.5, variance (1 − 0.5)(0 + 0.5·1) = 0.25, std 0.5; z(1) = 1 → /2 = 0.5.
        // The default α 0.05 would give mean 0.05, variance 0.0475, z = 4.36 → clip 2 → 1.
        Assert.Equal(0.5, builder.GetMatrix(100).Values[3], 5);
        var saved = builder.SaveState().Normalizers.Single();
        Assert.Equal((101, 0.5, 0.25), (saved.Count, saved.Mean, saved.Variance));
    }

    [Fact]
    public void Rows_are_appended_only_when_the_30_minute_path_ran()
    {
        var builder = Builder(window: 48);

        builder.Apply(Event(0));
        builder.Apply(Event(1));
        builder.Apply(Event30m(2));
        builder.Apply(Event(3));

        Assert.Equal(1, builder.Count);
        Assert.Equal(3, builder.LastAppliedSeq);
    }

    [Fact]
    public void A_non_finite_input_gives_0_is_reported_and_does_not_feed_the_statistics()
    {
        var builder = Builder(window: 1);

        var result = builder.Apply(Row(0, Features(mlmi: double.NaN, slope: double.PositiveInfinity, lvnStrength: 40)));

        var row = builder.GetMatrix(0).Values;
        Assert.Equal((0f, 0f, 0.4f), (row[0], row[3], row[5]));
        Assert.Equal(["mlmi_value", "nwrqk_slope"], result.NonFiniteFeatures);
        Assert.Equal(0, builder.SaveState().Normalizers.Single().Count);
    }

    [Fact]
    public void A_features_list_other_than_the_contract_columns_is_refused()
    {
        var settings = new MatrixAssemblerSettings { WindowSize = 48, Features = ["mlmi_value", "mlmi_signal"] };

        var error = Assert.Throws<ArgumentException>(() => new ThirtyMinuteMatrixBuilder(settings));

        Assert.Contains("matrix_assemblers.30m.features", error.Message);
    }
}
