using AlgoSpace.Grains.Components.Hosting;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Tests.Components.Hosting;

/// <summary>The rule that turns handling times into a warning: many slow events close together, after a warm-up.</summary>
public sealed class HandlerBudgetTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(0.1);
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(6);

    private static HandlerBudget New(int warmUp = 100, int window = 100, double percent = 10) =>
        new(Budget, TimeSpan.Zero, new SlowHandlerSettings { WarmUpEvents = warmUp, WindowEvents = window, MaxSlowPercent = percent });

    /// <summary>Records <paramref name="count"/> events; returns how many of them said the component is slow.</summary>
    private static int Run(HandlerBudget budget, int count, Func<long, bool> isSlow)
    {
        var warnings = 0;
        for (var i = 0; i < count; i++)
        {
            var seq = budget.Events + 1;
            if (budget.Record(isSlow(seq) ? Slow : Fast, Budget, seq, s => $"#{s}")) warnings++;
        }

        return warnings;
    }

    [Fact]
    public void Single_outliers_after_the_warm_up_are_counted_but_never_warned_about()
    {
        var budget = New();

        var warnings = Run(budget, 32_164, seq => seq % 1000 == 0);

        Assert.Equal(0, warnings);
        Assert.Equal(32, budget.OverBudget);
        Assert.Equal(32_164, budget.Events);
        Assert.Equal(Slow, budget.Worst);
        Assert.Equal("#1000", budget.WorstEvent);
    }

    [Fact]
    public void More_than_the_allowed_share_of_the_window_over_budget_is_a_warning()
    {
        var budget = New();
        Run(budget, 200, _ => false);

        // Ten of a hundred is the limit itself; the eleventh slow event in the window trips the rule.
        Assert.Equal(0, Run(budget, 10, _ => true));
        Assert.Equal(1, Run(budget, 1, _ => true));
        Assert.Equal(11, budget.SlowInWindow);
    }

    [Fact]
    public void Slow_events_in_the_warm_up_count_in_the_totals_but_not_in_the_rule()
    {
        var budget = New(warmUp: 100);

        Assert.Equal(0, Run(budget, 100, _ => true));
        Assert.Equal(100, budget.OverBudget);
        Assert.Equal(0, budget.SlowInWindow);
        Assert.True(Run(budget, 11, _ => true) > 0);
    }

    [Fact]
    public void The_window_slides_so_slow_events_further_apart_than_it_never_add_up()
    {
        var budget = New(warmUp: 0, window: 100, percent: 10);

        // Ten slow events in every hundred, for ever: never more than ten in any window of a hundred.
        Assert.Equal(0, Run(budget, 10_000, seq => seq % 10 == 0));
        // Bunched at eleven in a hundred, the same rate trips it.
        Assert.True(Run(budget, 100, seq => seq % 9 == 0) > 0);
    }

    [Fact]
    public void A_tick_batch_adds_the_per_tick_budget()
    {
        var budget = new HandlerBudget(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(0.1), new SlowHandlerSettings());

        Assert.Equal(TimeSpan.FromMilliseconds(1), budget.For(0));
        Assert.Equal(TimeSpan.FromMilliseconds(4), budget.For(30));
        Assert.False(budget.Record(TimeSpan.FromMilliseconds(3), budget.For(30), 1, _ => "batch"));
        Assert.Equal(0, budget.OverBudget);
    }
}
