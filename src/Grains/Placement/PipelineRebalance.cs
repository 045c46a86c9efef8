namespace AlgoSpace.Grains.Placement;

/// <summary>One component host that moves in a rebalance: where it runs now and the silo the rule gives it.</summary>
/// <param name="Component">The host's key (<c>bar_generator@NQ</c>).</param>
/// <param name="From">The silo it runs on now (<see cref="SiloAddress"/>'s text).</param>
/// <param name="To">The silo <see cref="InstrumentSiloChooser"/> picks from the active silos.</param>
public sealed record PipelineMove(string Component, string From, string To);

/// <summary>
/// Which instruments' pipelines move when a silo joins a run under way (docs/architecture.md, "Silos joining and
/// leaving"): each component host of an instrument whose current silo is not the one <see cref="InstrumentSiloChooser"/>
/// picks from the active silos. Plain code: the kernel gives it the hosts' silos and the membership.
/// </summary>
public static class PipelineRebalance
{
    /// <summary>The hosts that move, in the order of <paramref name="placements"/>; none with one symbol.</summary>
    /// <param name="symbols">The settings' symbols, in their order.</param>
    /// <param name="placements">Each component and the silo its host reported; null when its host did not answer (it is left alone).</param>
    /// <param name="activeSilos">The cluster's active silos.</param>
    public static IReadOnlyList<PipelineMove> Moves(
        IReadOnlyList<string> symbols, IEnumerable<(string Component, string? Silo)> placements, IReadOnlyList<SiloAddress> activeSilos)
    {
        // One symbol: nothing to spread (its components carry no instrument and are placed as Orleans places them).
        if (symbols.Count < 2 || activeSilos.Count == 0) return [];
        var moves = new List<PipelineMove>();
        foreach (var (component, silo) in placements)
        {
            if (string.IsNullOrEmpty(silo) || InstrumentSiloChooser.Choose(component, symbols, activeSilos) is not { } target) continue;
            var to = target.ToString();
            if (!string.Equals(to, silo, StringComparison.Ordinal)) moves.Add(new PipelineMove(component, silo, to));
        }

        return moves;
    }

    /// <summary>The instruments that <paramref name="moves"/> take to another silo, each once, with its new silo (for the log).</summary>
    public static string Describe(IEnumerable<PipelineMove> moves) =>
        string.Join(", ", moves
            .Select(m => (Symbol: InstrumentSiloChooser.SymbolOf(m.Component)!, m.From, m.To))
            .Distinct()
            .Select(m => $"{m.Symbol} {m.From} -> {m.To}"));
}
