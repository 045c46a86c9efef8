using AlgoSpace.Grains.Components.Data.Live;

namespace AlgoSpace.Tests.Components.Data.Live;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Without_jitter_the_delays_double_from_the_base_up_to_sixteen_times_it()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), seed: 42, jitter: 0);

        // 1·2^0, 1·2^1, 1·2^2, 1·2^3, 1·2^4 = 16 = the cap, then the cap: 1/2/4/8/16 s (component-contracts 2.1).
        var delays = Enumerable.Range(1, 8).Select(n => backoff.Delay(n).TotalSeconds).ToArray();

        Assert.Equal(new double[] { 1, 2, 4, 8, 16, 16, 16, 16 }, delays);
    }

    [Fact]
    public void Very_late_attempts_stay_at_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(250), seed: 1, jitter: 0);

        Assert.Equal(TimeSpan.FromSeconds(4), backoff.Delay(1000));
    }

    [Fact]
    public void Jitter_takes_at_most_a_tenth_off_and_never_exceeds_the_unjittered_delay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), seed: 42);

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var full = Math.Min(Math.Pow(2, attempt - 1), 16);
            for (var salt = 0; salt < 50; salt++)
            {
                var delay = backoff.Delay(attempt, salt).TotalSeconds;
                Assert.InRange(delay, full * 0.9, full);
            }
        }
    }

    [Fact]
    public void Jitter_is_the_same_for_the_same_seed_and_differs_between_salts()
    {
        var a = new ReconnectBackoff(TimeSpan.FromSeconds(1), seed: 7);
        var b = new ReconnectBackoff(TimeSpan.FromSeconds(1), seed: 7);

        var first = Enumerable.Range(0, 20).Select(s => a.Delay(3, s)).ToArray();
        var second = Enumerable.Range(0, 20).Select(s => b.Delay(3, s)).ToArray();

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 10, "the jitter should vary with the salt");
    }

    [Fact]
    public void Attempt_numbers_start_at_one()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => backoff.Delay(0));
    }
}
