using System.Text.Json;
using AlgoSpace.Grains.Components.Execution;
using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Interfaces.Events;
using static AlgoSpace.Grains.Interfaces.Events.EventTypes;
using static AlgoSpace.Tests.Components.Execution.ExecutionHarness;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class ExecutionStateTests
{
    /// <summary>Some entries fill and some do not (probability 0.6), so the PRNG's counter matters after the restore.</summary>
    private static ExecutionSettings Settings() => Defaults(fillProbability: 0.6);

    /// <summary>
    /// A morning of decisions and ticks: entries that fill or not, stops, targets, time stops, a session close
    /// and a shutdown.
    /// </summary>
    private static List<Action<ExecutionHarness>> Script()
    {
        var steps = new List<Action<ExecutionHarness>>();
        var price = 5000.0;
        for (var i = 0; i < 40; i++)
        {
            var minute = i;
            var p = price + (i % 7 * 1.25) - (i % 5 * 1.5);
            steps.Add(h => h.Tick(At(10, minute), p));
            // Longs aim far (time stop after 3 bars), shorts near (targets and stops).
            if (i % 3 == 0) steps.Add(h => h.Trade(Command($"EX{minute}", direction: minute % 2 == 0 ? 1 : -1, entry: p,
                stopLoss: minute % 2 == 0 ? p - 8 : p + 10, takeProfit: minute % 2 == 0 ? p + 12 : p - 2, maxHoldTime: 3), At(10, minute, 5)));
            if (i % 5 == 4) steps.Add(h => h.Bar(At(10, minute - 4)));
            steps.Add(h => h.Tick(At(10, minute, 30), p + 0.5));
        }

        steps.Add(h => h.Trade(Command("EX_LATE", entry: 5001, stopLoss: 4990, takeProfit: 5020), At(15, 59)));
        steps.Add(h => h.Tick(At(15, 59, 30), 5001));
        steps.Add(h => h.Tick(At(16, 0), 5001));
        var nextDay = Day.AddDays(1).AddHours(9).AddMinutes(30);
        steps.Add(h => h.Tick(nextDay, 5002));
        steps.Add(h => h.Trade(Command("EX_NEXT", entry: 5002, stopLoss: 4990, takeProfit: 5020), nextDay));
        steps.Add(h => h.Tick(nextDay.AddSeconds(30), 5003));
        steps.Add(h => h.Tick(nextDay.AddSeconds(40), 5003));
        steps.Add(h => h.Protect(BookProtection.Shutdown(true)));
        return steps;
    }

    private static string Text(IEnumerable<PublishedEvent> events) =>
        string.Join("\n", events.Select(e => $"{e.Type} {e.SimTime:O} {JsonSerializer.Serialize(e.Payload, e.Payload.GetType())}"));

    [Fact]
    public void A_restored_engine_publishes_exactly_what_the_uninterrupted_one_publishes()
    {
        var steps = Script();
        var uninterrupted = new ExecutionHarness(Settings());
        foreach (var step in steps) step(uninterrupted);

        // Cut in the second half, at the first point where a trade is open with its bracket working.
        var first = new ExecutionHarness(Settings());
        var cut = 0;
        while (cut < steps.Count && (cut < steps.Count / 2 || !first.Engine.Trades.Any(t => t.Phase == TradePhase.Open))) steps[cut++](first);
        Assert.True(cut < steps.Count - 10, $"no open trade in the second half (cut {cut} of {steps.Count})");
        var saved = (ExecutionEngineState)OrleansRoundTrip.Copy(first.Engine.SaveState());
        Assert.Contains(saved.Trades, t => t.Phase == TradePhase.Open);
        Assert.Contains(saved.Orders, o => o.Role == OrderRole.StopLoss);
        Assert.True(saved.RandomDraws > 0);
        // The tick sequence continues where it stopped; a different configured seed: the saved one must win.
        var second = new ExecutionHarness(Settings(), runSeed: 999, firstSeq: saved.TickIndex);
        second.Engine.RestoreState(saved);
        foreach (var step in steps.Skip(cut)) step(second);

        var expected = uninterrupted.Published.Skip(first.Published.Count).ToList();
        Assert.Equal(Text(expected), Text(second.Published));
        // The part after the cut is not trivial: fills, rejections by the fill probability and closed trades.
        Assert.Contains(expected, e => e.Type == OrderFilled);
        Assert.Contains(expected, e => e.Type == TradeClosed);
        Assert.Contains(expected, e => e.Type == OrderRejected);
        Assert.Equal(["EOD_FLAT", "SHUTDOWN", "STOP_LOSS", "TAKE_PROFIT", "TIME_STOP"],
            uninterrupted.Published.Where(e => e.Type == TradeClosed).Select(e => ((TradeClosedPayload)e.Payload).Exit.Reason).Distinct().Order());
        Assert.Equal(uninterrupted.Engine.Equity, second.Engine.Equity);
    }

    [Fact]
    public void The_saved_state_holds_orders_trades_journal_recent_ids_account_and_the_prng_counter()
    {
        var h = new ExecutionHarness().WithOpenLong(id: "EX1");
        h.Tick(At(10, 1), 5004);
        h.Trade(Command("EX2"), At(10, 1, 10));

        var state = (ExecutionEngineState)OrleansRoundTrip.Copy(h.Engine.SaveState());

        Assert.Equal([OrderRole.StopLoss, OrderRole.TakeProfit, OrderRole.Entry], state.Orders.Select(o => o.Role));
        Assert.Equal([TradePhase.Open, TradePhase.PendingEntry], state.Trades.Select(t => t.Phase));
        Assert.Equal(OrderRole.Entry, Assert.Single(state.Journal).Role);
        // EX1 was seen at 10:00:00, more than duplicate_order_window (5 s) before EX2.
        Assert.Equal(["EX2"], state.RecentExecutionIds.Select(s => s.ExecutionId));
        Assert.Equal((42, 1L, 3L), (state.RunSeed, state.RandomDraws, state.TickIndex));
        Assert.Equal(5004, state.LastPrices["ES"]);
    }
}
