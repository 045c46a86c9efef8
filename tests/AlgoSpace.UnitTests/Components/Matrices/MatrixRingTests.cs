using AlgoSpace.Grains.Components.Matrices;

namespace AlgoSpace.Tests.Components.Matrices;

public sealed class MatrixRingTests
{
    [Fact]
    public void After_wrapping_around_the_rows_come_out_oldest_first()
    {
        var ring = new MatrixRing(rows: 3, columns: 2);
        for (var i = 1; i <= 5; i++) ring.Append([i, 10 * i]);

        // Rows 1 and 2 were overwritten by 4 and 5; the window is 3, 4, 5.
        Assert.Equal([3f, 30f, 4f, 40f, 5f, 50f], ring.CopyOldestFirst());
        Assert.Equal([5f, 50f], ring.Newest.ToArray());
    }

    [Fact]
    public void Before_it_is_full_only_the_rows_held_are_copied()
    {
        var ring = new MatrixRing(rows: 3, columns: 2);
        ring.Append([1, 2]);
        ring.Append([3, 4]);

        Assert.Equal([1f, 2f, 3f, 4f], ring.CopyOldestFirst());
        Assert.False(ring.IsFull);
    }

    [Fact]
    public void A_restored_window_continues_where_the_saved_one_stopped()
    {
        var original = new MatrixRing(rows: 3, columns: 1);
        for (var i = 1; i <= 4; i++) original.Append([i]);
        var restored = new MatrixRing(rows: 3, columns: 1);
        restored.Restore(original.CopyOldestFirst());

        original.Append([5]);
        restored.Append([5]);

        Assert.Equal([3f, 4f, 5f], restored.CopyOldestFirst());
        Assert.Equal(original.CopyOldestFirst(), restored.CopyOldestFirst());
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_refused()
    {
        var ring = new MatrixRing(rows: 3, columns: 2);
        Assert.Throws<ArgumentException>(() => ring.Append([1f, 2f, 3f]));
    }
}
