using AlgoSpace.Grains.Components.Hosting;

namespace AlgoSpace.Tests.Components.Hosting;

public sealed class CheckpointPeriodsTests
{
    private static readonly DateTime Monday = new(2024, 1, 8, 9, 30, 0);

    [Fact]
    public void A_backtest_checkpoints_when_time_enters_a_new_period_and_not_at_the_first_tick()
    {
        var periods = new CheckpointPeriods(snapshotEveryBars: 48);

        Assert.False(periods.Enters(Monday));
        Assert.False(periods.Enters(Monday.AddHours(10)));
        Assert.True(periods.Enters(Monday.Date.AddDays(1)));
        Assert.False(periods.Enters(Monday.Date.AddDays(1).AddHours(23)));
        Assert.True(periods.Enters(Monday.Date.AddDays(3)));
    }

    [Fact]
    public void A_live_run_checkpoints_at_its_first_tick_too_so_a_restore_knows_where_the_feed_was_read_to()
    {
        var periods = new CheckpointPeriods(snapshotEveryBars: 48, checkpointFirst: true);

        Assert.True(periods.Enters(Monday));
        Assert.False(periods.Enters(Monday.AddHours(10)));
        Assert.True(periods.Enters(Monday.Date.AddDays(1)));
    }

    [Fact]
    public void A_time_that_goes_back_only_sets_the_period()
    {
        var periods = new CheckpointPeriods(snapshotEveryBars: 1, checkpointFirst: true);

        Assert.True(periods.Enters(Monday));
        Assert.False(periods.Enters(Monday.AddHours(-2)));
        Assert.False(periods.Enters(Monday.AddHours(-2).AddMinutes(10)));
        Assert.True(periods.Enters(Monday.AddHours(-1)));
    }
}
