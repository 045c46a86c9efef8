using AlgoSpace.Components;

namespace AlgoSpace.Tests.Components;

public sealed class SnapshotSlotTests
{
    private sealed record Counter(int Value);

    [Fact]
    public void A_snapshot_restored_before_the_logic_exists_waits_and_is_handed_over_once()
    {
        var slot = new SnapshotSlot<Counter>();
        slot.Restore(new Counter(7), restoreNow: null);
        Assert.Equal(new Counter(7), slot.Save(saveNow: null));

        var restored = new List<Counter>();
        slot.Attach(restored.Add);
        slot.Attach(restored.Add);

        Assert.Equal([new Counter(7)], restored);
        Assert.Null(slot.Save(saveNow: null));
    }

    [Fact]
    public void Once_the_logic_exists_restore_and_save_go_straight_to_it()
    {
        var slot = new SnapshotSlot<Counter>();
        var restored = new List<Counter>();
        slot.Restore(new Counter(3), restored.Add);

        Assert.Equal([new Counter(3)], restored);
        Assert.Equal(new Counter(9), slot.Save(() => new Counter(9)));
    }

    [Fact]
    public void A_snapshot_of_another_type_is_refused_by_name()
    {
        var slot = new SnapshotSlot<Counter>();
        var error = Assert.Throws<ArgumentException>(() => slot.Restore("not a counter", restoreNow: null));
        Assert.StartsWith("Expected a Counter, got String.", error.Message, StringComparison.Ordinal);
    }
}
