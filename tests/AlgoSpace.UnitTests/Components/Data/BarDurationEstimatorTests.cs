using AlgoSpace.MarketData.Files;

namespace AlgoSpace.Tests.Components.Data;

public sealed class BarDurationEstimatorTests
{
    [Fact]
    public void The_most_common_positive_gap_wins_and_ties_go_to_the_shorter()
    {
        var estimator = new BarDurationEstimator();
        var t = new DateTime(2024, 1, 2, 9, 0, 0);
        foreach (var minutes in new[] { 0, 30, 60, 90, 90, 240, 270, 300 }) estimator.Add(t.AddMinutes(minutes));
        Assert.Equal(TimeSpan.FromMinutes(30), estimator.Estimate());

        var tie = new BarDurationEstimator();
        foreach (var minutes in new[] { 0, 5, 65 }) tie.Add(t.AddMinutes(minutes));
        Assert.Equal(TimeSpan.FromMinutes(5), tie.Estimate());
    }

    [Fact]
    public void No_estimate_without_two_bars_in_increasing_order()
    {
        var estimator = new BarDurationEstimator();
        Assert.Null(estimator.Estimate());
        estimator.Add(new DateTime(2024, 1, 2));
        estimator.Add(new DateTime(2024, 1, 1));
        Assert.Null(estimator.Estimate());
    }
}
