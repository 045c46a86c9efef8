using AlgoSpace.Grains.Components.Execution;

namespace AlgoSpace.Tests.Components.Execution;

public sealed class DeterministicRandomTests
{
    // Values of SplitMix64(SplitMix64(SplitMix64(seed) ^ seq) ^ draw) >> 11 · 2^-53, worked out independently.
    [Theory]
    [InlineData(42, 4, 0, 0.9096)]
    [InlineData(42, 5, 0, 0.7032)]
    [InlineData(42, 5, 1, 0.7657)]
    [InlineData(7, 4, 0, 0.7765)]
    public void A_draw_is_a_fixed_function_of_seed_sequence_and_draw_number(int seed, long seq, long draw, double expected) =>
        Assert.Equal(expected, DeterministicRandom.Unit(seed, seq, draw), 4);

    [Fact]
    public void The_generator_counts_its_draws_so_a_restored_counter_continues_the_sequence()
    {
        var original = new DeterministicRandom(42);
        original.NextUnit(5);
        var restored = new DeterministicRandom(original.RunSeed, original.Draws);

        Assert.Equal(original.NextUnit(9), restored.NextUnit(9));
        Assert.Equal(2, original.Draws);
    }
}
