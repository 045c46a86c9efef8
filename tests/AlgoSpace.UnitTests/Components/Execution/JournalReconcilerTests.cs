using AlgoSpace.Grains.Components.Journal;

namespace AlgoSpace.Tests.Components.Execution;

/// <summary>The reconciliation of a replay with the journal of the incarnation before a crash.</summary>
public sealed class JournalReconcilerTests
{
    private static readonly DateTime T0 = new(2024, 1, 8, 22, 10, 0);

    private static JournalRecord Record(string key, string detail = "d", int minute = 0) => new(key, detail, T0.AddMinutes(minute));

    [Fact]
    public void A_replayed_record_that_was_journaled_is_not_journaled_again_and_new_ones_are()
    {
        var reconciler = new JournalReconciler([Record("ORDER_SUBMITTED:A"), Record("ORDER_FILLED:A", minute: 1)]);

        var first = reconciler.Reconcile([Record("ORDER_SUBMITTED:A")]);
        var second = reconciler.Reconcile([Record("ORDER_FILLED:A", minute: 1), Record("ORDER_SUBMITTED:B", minute: 1)]);

        Assert.Empty(first.ToJournal);
        Assert.Equal(["ORDER_SUBMITTED:B"], second.ToJournal.Select(r => r.Key));
        Assert.Equal(2, reconciler.Matched);
        Assert.Empty(reconciler.Awaiting);
        Assert.Empty(reconciler.Unreproduced);
    }

    [Fact]
    public void A_record_produced_again_with_other_content_is_a_mismatch_and_both_are_kept()
    {
        var reconciler = new JournalReconciler([Record("ORDER_FILLED:A", "price 4882.75")]);

        var outcome = reconciler.Reconcile([Record("ORDER_FILLED:A", "price 4883.00")]);

        var mismatch = Assert.Single(outcome.Mismatches);
        Assert.Equal("price 4882.75", mismatch.Journaled.Detail);
        Assert.Equal("price 4883.00", mismatch.Produced.Detail);
        Assert.Equal("price 4883.00", Assert.Single(outcome.ToJournal).Detail);
        Assert.Equal("price 4882.75", Assert.Single(reconciler.Unreproduced).Detail);
        Assert.Equal(1, reconciler.Mismatched);
    }

    [Fact]
    public void A_journaled_record_the_replay_passes_without_producing_is_reported_once_and_kept()
    {
        var reconciler = new JournalReconciler([Record("ORDER_SUBMITTED:A", minute: 0), Record("ORDER_SUBMITTED:B", minute: 5)]);

        Assert.Empty(reconciler.Passed(T0));
        var passed = reconciler.Passed(T0.AddMinutes(1));
        var again = reconciler.Passed(T0.AddMinutes(2));

        Assert.Equal("ORDER_SUBMITTED:A", Assert.Single(passed).Key);
        Assert.Empty(again);
        Assert.Equal("ORDER_SUBMITTED:B", Assert.Single(reconciler.Awaiting).Key);
        Assert.Equal("ORDER_SUBMITTED:B", Assert.Single(reconciler.PassedAll()).Key);
        Assert.Equal(["ORDER_SUBMITTED:A", "ORDER_SUBMITTED:B"], reconciler.Unreproduced.Select(r => r.Key));
    }

    [Fact]
    public void Records_with_the_same_key_are_matched_in_journal_order()
    {
        var reconciler = new JournalReconciler([Record("POSITION_UPDATE:ES", "1"), Record("POSITION_UPDATE:ES", "0", minute: 3)]);

        var first = reconciler.Reconcile([Record("POSITION_UPDATE:ES", "1")]);
        var second = reconciler.Reconcile([Record("POSITION_UPDATE:ES", "0", minute: 3)]);

        Assert.Empty(first.Mismatches);
        Assert.Empty(second.Mismatches);
        Assert.Equal(2, reconciler.Matched);
    }
}
