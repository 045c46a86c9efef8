using AlgoSpace.Grains.Interfaces.Components;

namespace AlgoSpace.Grains.Placement;

/// <summary>
/// The choice <see cref="InstrumentPlacementDirector"/> makes, without Orleans' runtime: the silo for a grain whose key
/// names an instrument (<c>bar_generator@NQ</c>). With the silos in <see cref="SiloAddressOrder"/>, the instrument at
/// position i of the settings' symbols goes to silo i modulo the silo count, so N instruments on N silos get one silo
/// each, and every grain of one instrument the same silo. An instrument the settings do not list goes to a silo
/// chosen by a hash of its symbol that is the same in every process.
/// </summary>
public static class InstrumentSiloChooser
{
    /// <summary>The instrument a key names (<see cref="PipelineKey"/>), or null for a portfolio-level key.</summary>
    public static string? SymbolOf(string grainKey) =>
        PipelineKey.InstrumentOf(grainKey) is { Length: > 0 } symbol ? symbol : null;

    /// <summary>
    /// The silo for <paramref name="grainKey"/>, or null when the key names no instrument (a portfolio-level component,
    /// placed as Orleans' default placement would place it).
    /// </summary>
    /// <param name="grainKey">The host grain's key.</param>
    /// <param name="symbols">The settings' symbols, in their order.</param>
    /// <param name="silos">The silos compatible with the grain, in any order; at least one.</param>
    public static SiloAddress? Choose(string grainKey, IReadOnlyList<string> symbols, IReadOnlyList<SiloAddress> silos)
    {
        ArgumentOutOfRangeException.ThrowIfZero(silos.Count);
        if (SymbolOf(grainKey) is not { } symbol) return null;
        var sorted = silos.Order(SiloAddressOrder.Instance).ToArray();
        return sorted[(int)(Ordinal(symbol, symbols) % (uint)sorted.Length)];
    }

    /// <summary>The symbol's position in the settings, or for a symbol they do not list, its stable hash.</summary>
    private static uint Ordinal(string symbol, IReadOnlyList<string> symbols)
    {
        for (var i = 0; i < symbols.Count; i++)
        {
            if (string.Equals(symbols[i], symbol, StringComparison.Ordinal)) return (uint)i;
        }

        return StableHash(symbol);
    }

    /// <summary>
    /// FNV-1a over the symbol's UTF-16 code units: the same in every silo and every run, where
    /// <see cref="string.GetHashCode()"/> is salted per process.
    /// </summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
