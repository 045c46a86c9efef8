using AlgoSpace.MarketData.Replay;
using AlgoSpace.Silo.Reporting;

namespace AlgoSpace.Tests.Terminal;

public sealed class PaceMeterTests
{
    [Fact]
    public void A_resumed_run_is_paced_from_what_this_process_replayed_not_from_the_file_start()
    {
        var pace = new PaceMeter();
        // Resumed at half the file with 500,000 ticks published by the previous incarnation.
        Assert.Equal((0, null), pace.Observe(new ReplayProgress(500, 1000, 500_000, null, false), TimeSpan.FromSeconds(1)));

        var (rate, eta) = pace.Observe(new ReplayProgress(600, 1000, 600_000, null, false), TimeSpan.FromSeconds(11));

        Assert.Equal(10_000, rate);
        Assert.Equal(TimeSpan.FromSeconds(40), eta);
    }

    [Fact]
    public void A_complete_replay_has_no_time_left()
    {
        var pace = new PaceMeter();
        pace.Observe(new ReplayProgress(0, 1000, 0, null, false), TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, pace.Observe(new ReplayProgress(1000, 1000, 2000, null, true), TimeSpan.FromSeconds(2)).Eta);
    }
}
