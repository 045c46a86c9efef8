using AlgoSpace.Grains.Components.Data.Live;

namespace AlgoSpace.Tests.Components.Data.Live;

public sealed class TickSequenceGateTests
{
    [Fact]
    public void Consecutive_ids_pass_without_gaps()
    {
        var gate = new TickSequenceGate();

        Assert.All(new long[] { 1, 2, 3 }, id => Assert.Equal(new SequenceVerdict(true, 0), gate.Admit(id)));
        Assert.Equal(3, gate.LastId);
        Assert.Equal((0L, 0L, 0L), (gate.Duplicates, gate.Gaps, gate.Missed));
    }

    [Fact]
    public void Ids_sent_again_after_a_reconnect_are_dropped()
    {
        var gate = new TickSequenceGate();
        foreach (var id in new long[] { 1, 2, 3, 4, 5 }) gate.Admit(id);

        // The feed re-sends its last three ticks (3, 4, 5), then continues with 6.
        var resent = new[] { gate.Admit(3), gate.Admit(4), gate.Admit(5) };
        var next = gate.Admit(6);

        Assert.All(resent, v => Assert.False(v.IsNew));
        Assert.True(next.IsNew);
        Assert.Equal(3, gate.Duplicates);
        Assert.Equal(0, gate.Gaps);
    }

    [Fact]
    public void A_late_tick_is_dropped_and_its_place_was_counted_missed()
    {
        var gate = new TickSequenceGate();

        // 1, 2, then 4 (3 skipped: a gap of one), then 3 arrives late and is dropped (the gate never reorders).
        gate.Admit(1);
        gate.Admit(2);
        var four = gate.Admit(4);
        var three = gate.Admit(3);

        Assert.Equal(new SequenceVerdict(true, 1), four);
        Assert.False(three.IsNew);
        Assert.Equal(4, gate.LastId);
        Assert.Equal((1L, 1L, 1L), (gate.Duplicates, gate.Gaps, gate.Missed));
    }

    [Fact]
    public void Gaps_count_once_each_and_missed_ids_add_up()
    {
        var gate = new TickSequenceGate();

        // 10 → 15 misses 11..14 (4); 15 → 16 none; 16 → 20 misses 17..19 (3): two gaps, 7 missed.
        foreach (var id in new long[] { 10, 15, 16, 20 }) gate.Admit(id);

        Assert.Equal(2, gate.Gaps);
        Assert.Equal(7, gate.Missed);
    }

    [Fact]
    public void A_restored_gate_drops_what_was_let_through_before_the_restart()
    {
        var gate = new TickSequenceGate();
        gate.Restore(lastId: 100, duplicates: 2, gaps: 1, missed: 3);

        Assert.False(gate.Admit(99).IsNew);
        Assert.False(gate.Admit(100).IsNew);
        Assert.Equal(new SequenceVerdict(true, 0), gate.Admit(101));
        Assert.Equal(4, gate.Duplicates);
    }
}
