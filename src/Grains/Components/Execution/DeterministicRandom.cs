namespace AlgoSpace.Grains.Components.Execution;

/// <summary>
/// The backtest's randomness (component-contracts 0): each draw is a pure function of the run seed, the sequence
/// number of the event being handled and how many draws came before, mixed with SplitMix64. No hidden generator
/// state, so the state to save is the seed and the draw counter, and a restored run draws exactly what an
/// uninterrupted one would. (string.GetHashCode and HashCode are randomised per process, so they cannot be used.)
/// </summary>
public sealed class DeterministicRandom(int runSeed, long draws = 0)
{
    public int RunSeed { get; } = runSeed;

    /// <summary>Draws made so far.</summary>
    public long Draws { get; private set; } = draws;

    /// <summary>The next number in [0, 1) for an event with sequence number <paramref name="seq"/>.</summary>
    public double NextUnit(long seq) => Unit(RunSeed, seq, Draws++);

    /// <summary>hash(runSeed, seq, draw) as a number in [0, 1).</summary>
    public static double Unit(int runSeed, long seq, long draw)
    {
        var hash = Mix(Mix(Mix((ulong)(uint)runSeed) ^ (ulong)seq) ^ (ulong)draw);
        // The top 53 bits make every double in [0, 1) on the 2^-53 grid equally likely.
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
