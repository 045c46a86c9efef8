using AlgoSpace.Grains.Components.Indicators;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Tests.Components.Indicators;

public sealed class MlmiTests
{
    [Fact]
    public void Labels_compare_each_stored_close_with_the_previous_stored_one()
    {
        var memory = new MlmiMemory(k: 5);
        memory.Store(0, 0, close: 10);   // first: 0
        memory.Store(1, 0, close: 12);   // 12 ≥ 10: +1
        memory.Store(0, 1, close: 11);   // 11 < 12: −1
        memory.Store(5, 5, close: 11);   // 11 ≥ 11: +1

        Assert.Equal([0, 1, -1, 1], Enumerable.Range(0, memory.Count).Select(memory.LabelAt));
    }

    [Fact]
    public void The_k_nearest_vote_and_a_tie_goes_to_the_most_recent_point()
    {
        var memory = new MlmiMemory(k: 2);
        memory.Store(0, 0, close: 10);   // label 0
        memory.Store(1, 0, close: 12);   // label +1
        memory.Store(0, 1, close: 11);   // label −1
        memory.Store(5, 5, close: 11);   // label +1, far away

        // From (0.4, 0.4): squared distances 0.32, 0.52, 0.52, 42.32. The nearest is (0,0) with 0; of the two at 0.52
        // the more recent (0,1) with −1 wins, so the sum is −1 (the older one would have given +1).
        Assert.Equal((-1, 2), memory.Predict(0.4, 0.4));
    }

    [Fact]
    public void The_memory_is_first_in_first_out_at_its_capacity_and_k_is_capped_by_its_size()
    {
        var memory = new MlmiMemory(k: 5, capacity: 3);
        foreach (var close in new[] { 10.0, 11, 9, 12 }) memory.Store(close, 0, close);   // labels 0, +1, −1, +1

        Assert.Equal(3, memory.Count);
        Assert.Equal([1, -1, 1], Enumerable.Range(0, memory.Count).Select(memory.LabelAt));
        Assert.Equal((1, 3), memory.Predict(0, 0));                                       // k_eff = min(5, 3)
    }

    [Fact]
    public void Memory_survives_a_round_trip_with_its_last_close()
    {
        var memory = new MlmiMemory(k: 3, capacity: 3);
        foreach (var close in new[] { 10.0, 11, 9, 12 }) memory.Store(close, 0, close);
        var restored = new MlmiMemory(k: 3, capacity: 3);
        restored.RestoreState((MlmiMemoryState)OrleansRoundTrip.Copy(memory.SaveState()));
        restored.Store(0, 0, close: 11.5);   // 11.5 < 12 (the last stored close): −1

        Assert.Equal([-1, 1, -1], Enumerable.Range(0, restored.Count).Select(restored.LabelAt));
    }

    /// <summary>A wave with a slow drift: its 5- and 20-bar averages cross every few bars.</summary>
    private static double Wave(int i) => 100 + 0.05 * i + 3 * Math.Sin(i * 2 * Math.PI / 17) + Math.Sin(i * 2 * Math.PI / 7);

    [Fact]
    public void Mlmi_is_not_ready_before_bar_40_and_its_value_stays_within_0_and_100()
    {
        var mlmi = new MlmiIndicator(new MlmiSettings { KNeighbors = 1 });
        var results = Enumerable.Range(0, 300).Select(i => mlmi.Update(Wave(i))).ToList();

        // RSI20 needs 20 changes (bar 21) and its WMA20 20 values (bar 40): index 39 is the first possible.
        Assert.All(results.Take(39), r => Assert.Equal(MlmiResult.NotReady, r));
        var firstReady = results.FindIndex(r => r.Ready);
        Assert.InRange(firstReady, 39, 80);
        Assert.All(results.Skip(firstReady), r => Assert.True(r.Ready));
        Assert.All(results, r => Assert.InRange(r.Value, 0, 100));
        // With k = 1 the value is 50 + 50·(the nearest label): 0, 50 or 100.
        Assert.All(results, r => Assert.Contains(r.Value, new[] { 0.0, 50, 100 }));
        Assert.Contains(results, r => r.Value != 50);
    }

    [Theory]
    [InlineData(MlmiSignalMode.MaCross)]
    [InlineData(MlmiSignalMode.ZeroCross)]
    public void The_signal_fires_exactly_when_the_value_crosses_its_line(MlmiSignalMode mode)
    {
        var mlmi = new MlmiIndicator(new MlmiSettings { KNeighbors = 5, SignalMode = mode });
        var results = Enumerable.Range(0, 400).Select(i => mlmi.Update(Wave(i))).ToList();

        for (var i = 1; i < results.Count; i++)
        {
            var (previous, current) = (results[i - 1], results[i]);
            var expected = 0;
            if (previous.Ready && current.Ready)
            {
                var (line, previousLine) = mode == MlmiSignalMode.ZeroCross ? (50.0, 50.0) : (current.Ma, previous.Ma);
                if (current.Value > line && previous.Value <= previousLine) expected = 1;
                else if (current.Value < line && previous.Value >= previousLine) expected = -1;
            }

            Assert.Equal(expected, current.Signal);
        }

        Assert.Contains(results, r => r.Signal == 1);
        Assert.Contains(results, r => r.Signal == -1);
    }

    [Fact]
    public void The_first_ready_ma_is_the_value_itself()
    {
        var mlmi = new MlmiIndicator(new MlmiSettings { KNeighbors = 5 });
        var first = Enumerable.Range(0, 300).Select(i => mlmi.Update(Wave(i))).First(r => r.Ready);

        Assert.Equal(first.Value, first.Ma);   // WMA over one value
        Assert.Equal(0, first.Signal);         // no previous value to cross from
    }

    [Fact]
    public void The_memory_is_capped_first_in_first_out()
    {
        // Timing is the benchmark's business (docs/performance.md); here only the cap.
        var memory = new MlmiMemory(k: 200);
        for (var i = 0; i < MlmiMemory.DefaultCapacity + 500; i++) memory.Store(Math.Sin(i), Math.Cos(i * 0.7), Wave(i));

        Assert.Equal(MlmiMemory.DefaultCapacity, memory.Count);
    }
}
