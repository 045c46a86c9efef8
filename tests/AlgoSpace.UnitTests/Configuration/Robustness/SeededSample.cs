using CsCheck;

namespace AlgoSpace.Tests.Configuration.Robustness;

/// <summary>
/// Runs a CsCheck generator a fixed number of times from a fixed seed. Every run tries the same examples, so a
/// failure is never a fluke of the day, and the failure names the example: example i of seed s is what the
/// generator makes from <c>new PCG(i, s)</c>, and its description says what it changed.
/// </summary>
public static class SeededSample
{
    public static async Task CheckAsync<T>(Gen<T> gen, ulong seed, int count, Func<T, Task> assert)
    {
        for (var i = 0u; i < count; i++)
        {
            var example = gen.Generate(new PCG(i, seed), null, out _);
            try
            {
                await assert(example);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Example {i} of seed {seed} (new PCG({i}, {seed})) failed: {example}\n{ex.Message}", ex);
            }
        }
    }
}
