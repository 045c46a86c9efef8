using AlgoSpace.Grains.Interfaces.Events;
using AlgoSpace.Grains.Training;

namespace AlgoSpace.Tests.Training;

public sealed class TripleBarrierLabelerTests
{
    // Entry 100, ATR 2: stop distance 1.5 * 2 = 3, so a long has its stop at 97 and its target at 100 + 2 * 3 = 106.
    private readonly TripleBarrierLabeler _labeler = new(stopAtrMultiple: 1.5, rewardRisk: 2.0, horizonBars: 3);

    private static BarPayload Bar(double high, double low, double close, int index = 0) =>
        new("ES", new DateTime(2024, 1, 2, 10, 0, 0).AddMinutes(5 * index), close, high, low, close, 10, 5, 4, false);

    [Fact]
    public void Long_reaching_the_target_first_is_a_win_of_rr()
    {
        var label = _labeler.Label(100, 1, 2, [Bar(103, 99, 102), Bar(106, 101, 105)]);
        Assert.Equal(new TripleBarrierLabel(1, 2.0, 2), label);
    }

    [Fact]
    public void Long_reaching_the_stop_first_is_minus_one_r()
    {
        var label = _labeler.Label(100, 1, 2, [Bar(101, 97, 98), Bar(110, 98, 109)]);
        Assert.Equal(new TripleBarrierLabel(-1, -1, 1), label);
    }

    [Fact]
    public void A_bar_touching_both_barriers_counts_as_the_stop()
    {
        var label = _labeler.Label(100, 1, 2, [Bar(107, 96, 104)]);
        Assert.Equal(-1, label.Outcome);
    }

    [Fact]
    public void Short_barriers_are_mirrored()
    {
        // Short at 100: stop 103, target 94.
        Assert.Equal(new TripleBarrierLabel(1, 2.0, 1), _labeler.Label(100, -1, 2, [Bar(102, 94, 95)]));
        Assert.Equal(new TripleBarrierLabel(-1, -1, 1), _labeler.Label(100, -1, 2, [Bar(103, 99, 102)]));
    }

    [Fact]
    public void Neither_barrier_within_the_horizon_marks_the_last_close()
    {
        // Horizon 3 bars; the fourth bar would hit the target but is beyond it. Close 101.5 -> (101.5 - 100) / 3 = 0.5 R.
        var label = _labeler.Label(100, 1, 2, [Bar(102, 99, 101), Bar(102, 99, 100), Bar(102, 99, 101.5), Bar(120, 100, 119)]);
        Assert.Equal(0, label.Outcome);
        Assert.Equal(0.5, label.RMultiple, 12);
        Assert.Equal(3, label.BarsHeld);
        Assert.True(label.IsWin);
    }

    [Fact]
    public void No_atr_or_no_bars_gives_a_neutral_label()
    {
        Assert.Equal(new TripleBarrierLabel(0, 0, 0), _labeler.Label(100, 1, 0, [Bar(200, 1, 100)]));
        Assert.Equal(new TripleBarrierLabel(0, 0, 0), _labeler.Label(100, 1, 2, []));
    }
}
