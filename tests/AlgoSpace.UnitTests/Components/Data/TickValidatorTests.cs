using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.Tests.Components.Data;

public sealed class TickValidatorTests
{
    private static readonly DateTime T0 = new(2024, 1, 2, 9, 30, 0);

    private static TickVerdict Check(TickValidator validator, double price, int second = 0, long volume = 1)
    {
        var tick = new MarketTick(T0.AddSeconds(second), price, volume);
        return validator.Check(ref tick);
    }

    private static TickValidator WithWindow(params double[] prices)
    {
        var validator = new TickValidator();
        foreach (var price in prices) Assert.True(Check(validator, price).Accepted);
        return validator;
    }

    [Theory]
    [InlineData(0.0, RowIssueKind.NonPositivePrice)]
    [InlineData(-4750.0, RowIssueKind.NonPositivePrice)]
    [InlineData(double.NaN, RowIssueKind.NonFinitePrice)]
    [InlineData(double.PositiveInfinity, RowIssueKind.NonFinitePrice)]
    [InlineData(double.NegativeInfinity, RowIssueKind.NonFinitePrice)]
    public void A_price_that_is_not_positive_and_finite_is_rejected(double price, RowIssueKind kind)
    {
        var verdict = Check(new TickValidator(), price);
        Assert.Equal(kind, verdict.Rejection);
    }

    [Fact]
    public void A_timestamp_before_the_last_accepted_is_rejected_and_an_equal_one_is_not()
    {
        var validator = new TickValidator();
        Assert.True(Check(validator, 100, second: 10).Accepted);
        Assert.True(Check(validator, 100, second: 10).Accepted);
        Assert.Equal(RowIssueKind.TimestampBeforeLast, Check(validator, 100, second: 9).Rejection);
        Assert.Equal(T0.AddSeconds(10), validator.LastAccepted);
    }

    [Fact]
    public void A_rejected_tick_does_not_move_the_last_accepted_time()
    {
        var validator = new TickValidator();
        Check(validator, 100, second: 10);
        Assert.False(Check(validator, -1, second: 20).Accepted);
        Assert.True(Check(validator, 100, second: 15).Accepted);
    }

    [Fact]
    public void A_negative_volume_is_set_to_zero_with_a_warning_and_the_tick_is_kept()
    {
        var tick = new MarketTick(T0, 100, -5);
        var verdict = new TickValidator().Check(ref tick);
        Assert.True(verdict.Accepted);
        Assert.True(verdict.VolumeClamped);
        Assert.Equal(0, tick.Volume);
        Assert.Contains("-5", verdict.Detail);
    }

    [Fact]
    public void A_price_more_than_five_percent_from_the_median_of_the_window_is_rejected_and_five_percent_exactly_is_not()
    {
        var validator = WithWindow(100, 100, 100);
        Assert.Equal(RowIssueKind.PriceOutlier, Check(validator, 105.01).Rejection);
        Assert.Equal(RowIssueKind.PriceOutlier, Check(validator, 94.99).Rejection);
        Assert.True(Check(validator, 105).Accepted);
        Assert.True(Check(validator, 95).Accepted);
    }

    [Fact]
    public void The_median_is_over_the_last_hundred_accepted_ticks_only()
    {
        // 100 ticks at 100, then 100 at 104: the window holds only the 104s, so 98.5 is 5.3 % off and rejected
        // (over all 200 ticks the median would be 102, and 98.5 only 3.4 % off).
        var validator = WithWindow([.. Enumerable.Repeat(100.0, 100), .. Enumerable.Repeat(104.0, 100)]);
        Assert.Equal(RowIssueKind.PriceOutlier, Check(validator, 98.5).Rejection);
        Assert.True(Check(validator, 99).Accepted);
    }

    [Fact]
    public void Three_consecutive_outliers_that_agree_within_half_a_percent_make_the_third_accepted_and_restart_the_window()
    {
        var validator = WithWindow(100, 100, 100);
        Assert.Equal(RowIssueKind.PriceOutlier, Check(validator, 110.0).Rejection);
        Assert.Equal(RowIssueKind.PriceOutlier, Check(validator, 110.5).Rejection);
        var third = Check(validator, 110.3);
        Assert.True(third.Accepted);
        Assert.True(third.LevelShift);

        // The window now holds only the new level: 110 is normal, the old 100 is the outlier.
        Assert.True(Check(validator, 111).Accepted);
        Assert.Equal(RowIssueKind.PriceOutlier, Check(validator, 100).Rejection);
        Assert.Equal([110.3, 111], validator.Snapshot().Window);
    }

    [Fact]
    public void Outliers_that_disagree_by_more_than_half_a_percent_stay_rejected()
    {
        var validator = WithWindow(100, 100, 100);
        Assert.False(Check(validator, 110).Accepted);
        Assert.False(Check(validator, 111).Accepted); // 1 % apart from 110
        Assert.False(Check(validator, 110.5).Accepted); // agrees with 111, but 110 and 111 disagree
        Assert.True(Check(validator, 110.8).Accepted); // 111, 110.5, 110.8: the last three agree
    }

    [Fact]
    public void An_accepted_tick_between_outliers_breaks_the_run()
    {
        var validator = WithWindow(100, 100, 100);
        Assert.False(Check(validator, 110).Accepted);
        Assert.False(Check(validator, 110).Accepted);
        Assert.True(Check(validator, 100).Accepted);
        Assert.False(Check(validator, 110).Accepted);
        Assert.False(Check(validator, 110).Accepted);
        Assert.True(Check(validator, 110).Accepted);
    }

    [Fact]
    public void A_tick_rejected_for_another_reason_neither_extends_nor_breaks_a_run_of_outliers()
    {
        var validator = WithWindow(100, 100, 100);
        Assert.False(Check(validator, 110).Accepted);
        Assert.Equal(RowIssueKind.NonPositivePrice, Check(validator, 0).Rejection);
        Assert.False(Check(validator, 110).Accepted);
        Assert.True(Check(validator, 110).Accepted);
    }

    [Fact]
    public void A_restored_validator_decides_as_the_original_would()
    {
        var original = WithWindow(100, 101, 99);
        Check(original, 120, second: 5);
        Check(original, 120.1, second: 5);
        var restored = new TickValidator();
        restored.Restore(original.Snapshot());
        Assert.Equal(original.LastAccepted, restored.LastAccepted);
        Assert.Equal(RowIssueKind.TimestampBeforeLast, Check(restored, 100, second: -1).Rejection);
        Assert.True(Check(restored, 120.2, second: 5).LevelShift);
    }
}
