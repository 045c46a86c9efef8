using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.MarketData;
using AlgoSpace.MarketData.Validation;

namespace AlgoSpace.Tests.Components.Data;

/// <summary>
/// Timestamps that jump implausibly far (data_handler.max_time_jump_hours, a week by default) are outliers, through
/// the <see cref="TickValidator"/> as the data handlers use it.
/// </summary>
public sealed class TimeJumpRuleTests
{
    private static readonly DateTime T0 = new(2024, 1, 5, 23, 29, 0);

    private static TickVerdict Check(TickValidator validator, DateTime time, double price = 4750)
    {
        var tick = new MarketTick(time, price, 1);
        return validator.Check(ref tick);
    }

    [Fact]
    public void The_default_tolerance_is_the_settings_default_of_a_week()
    {
        Assert.Equal(TimeSpan.FromHours(DataHandlerSettings.DefaultMaxTimeJumpHours), new TickValidator().MaxTimeJump);
        Assert.Equal(TimeSpan.FromDays(7), new TickValidator().MaxTimeJump);
        Assert.Equal(DataHandlerSettings.DefaultMaxTimeJumpHours, new DataHandlerSettings().MaxTimeJumpHours);
    }

    [Fact]
    public void A_weekend_and_a_four_day_holiday_pass_untouched()
    {
        var validator = new TickValidator();
        Assert.True(Check(validator, T0).Accepted);
        Assert.True(Check(validator, T0.AddHours(49.5)).Accepted);
        Assert.True(Check(validator, T0.AddHours(49.5 + 96)).Accepted);
        Assert.Equal(0, validator.TimeJumps);
    }

    [Fact]
    public void One_row_years_ahead_is_rejected_as_an_outlier_and_the_good_rows_after_it_are_accepted()
    {
        var validator = new TickValidator();
        Assert.True(Check(validator, T0).Accepted);

        var far = Check(validator, T0.AddYears(3));
        Assert.Equal(RowIssueKind.TimestampOutlier, far.Rejection);
        Assert.Contains("2027-01-05 23:29:00.000 is 1096 days after the last accepted tick's 2024-01-05 23:29:00.000 (limit 7 days, data_handler.max_time_jump_hours)", far.Detail);

        for (var second = 1; second <= 5; second++) Assert.True(Check(validator, T0.AddSeconds(second)).Accepted, $"good row {second} after the outlier");
        Assert.Equal(T0.AddSeconds(5), validator.LastAccepted);
    }

    [Fact]
    public void One_row_years_back_is_rejected_as_an_outlier_and_one_seconds_back_as_before_the_last()
    {
        var validator = new TickValidator();
        Assert.True(Check(validator, T0).Accepted);
        var far = Check(validator, T0.AddYears(-3));
        Assert.Equal(RowIssueKind.TimestampOutlier, far.Rejection);
        Assert.Contains("before the last accepted tick's", far.Detail);
        Assert.Equal(RowIssueKind.TimestampBeforeLast, Check(validator, T0.AddSeconds(-1)).Rejection);
        Assert.True(Check(validator, T0.AddSeconds(1)).Accepted);
    }

    [Fact]
    public void A_real_jump_beyond_the_tolerance_is_accepted_at_the_third_of_three_agreeing_rows()
    {
        var validator = new TickValidator();
        Assert.True(Check(validator, T0).Accepted);
        var resumed = T0.AddDays(30);
        Assert.Equal(RowIssueKind.TimestampOutlier, Check(validator, resumed).Rejection);
        Assert.Equal(RowIssueKind.TimestampOutlier, Check(validator, resumed.AddSeconds(1)).Rejection);
        Assert.True(Check(validator, resumed.AddSeconds(2)).Accepted);
        Assert.Equal(1, validator.TimeJumps);
        Assert.Equal(resumed.AddSeconds(2), validator.LastAccepted);
        Assert.True(Check(validator, resumed.AddSeconds(3)).Accepted);
    }

    [Fact]
    public void Outliers_that_do_not_agree_are_not_confirmed_and_an_accepted_row_ends_the_run()
    {
        var validator = new TickValidator();
        Assert.True(Check(validator, T0).Accepted);

        // Years apart from each other: never three that agree.
        Assert.False(Check(validator, T0.AddYears(2)).Accepted);
        Assert.False(Check(validator, T0.AddYears(5)).Accepted);
        Assert.False(Check(validator, T0.AddYears(3)).Accepted);
        // Going back among themselves does not agree either.
        Assert.False(Check(validator, T0.AddYears(3).AddSeconds(-10)).Accepted);

        // Two that agree, an accepted row, then a third that would have agreed: the run was broken.
        Assert.False(Check(validator, T0.AddDays(20)).Accepted);
        Assert.False(Check(validator, T0.AddDays(20).AddSeconds(1)).Accepted);
        Assert.True(Check(validator, T0.AddSeconds(1)).Accepted);
        Assert.False(Check(validator, T0.AddDays(20).AddSeconds(2)).Accepted);
        Assert.Equal(0, validator.TimeJumps);
    }

    [Fact]
    public void A_row_rejected_for_its_price_still_counts_as_an_outlier_in_time()
    {
        var validator = new TickValidator();
        Assert.True(Check(validator, T0).Accepted);
        var resumed = T0.AddDays(10);
        Assert.False(Check(validator, resumed).Accepted);
        Assert.False(Check(validator, resumed.AddSeconds(1)).Accepted);
        // Its time would confirm the jump, but its price is 20 % off: rejected for the price, and still pending.
        Assert.Equal(RowIssueKind.PriceOutlier, Check(validator, resumed.AddSeconds(2), price: 5700).Rejection);
        Assert.True(Check(validator, resumed.AddSeconds(3)).Accepted);
        Assert.Equal(1, validator.TimeJumps);
    }

    [Fact]
    public void The_tolerance_is_configurable_and_a_bar_start_follows_the_same_rule()
    {
        var validator = new TickValidator(TimeSpan.FromHours(1));
        Assert.True(validator.CheckBar(new BarRow(T0, 100, 101, 99, 100, 1)).Accepted);
        var verdict = validator.CheckBar(new BarRow(T0.AddHours(2), 100, 101, 99, 100, 1));
        Assert.Equal(RowIssueKind.TimestampOutlier, verdict.Rejection);
        Assert.Contains("is 2 hours after", verdict.Detail);
        Assert.True(validator.CheckBar(new BarRow(T0.AddMinutes(30), 100, 101, 99, 100, 1)).Accepted);
    }

    [Fact]
    public void A_restored_validator_remembers_the_pending_outlier_times()
    {
        var original = new TickValidator();
        Assert.True(Check(original, T0).Accepted);
        Assert.False(Check(original, T0.AddDays(30)).Accepted);
        Assert.False(Check(original, T0.AddDays(30).AddSeconds(1)).Accepted);

        var restored = new TickValidator();
        restored.Restore(original.Snapshot());
        Assert.True(Check(restored, T0.AddDays(30).AddSeconds(2)).Accepted);
        Assert.Equal(1, restored.TimeJumps);

        // State saved before the rule existed has no pending times: restored as none.
        var old = new TickValidator();
        old.Restore(new TickValidatorSnapshot(T0, [4750], []));
        Assert.False(Check(old, T0.AddDays(30)).Accepted);
    }
}
