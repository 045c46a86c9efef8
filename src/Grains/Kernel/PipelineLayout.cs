using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The components list as the kernel creates it: each instrument-scoped entry once per traded symbol
/// (<see cref="PipelineKey"/>, bar_generator@NQ), with its depends_on pointing at the same instrument's copies; each
/// portfolio-scoped entry once. The order is the list's, an entry's copies in the order of symbols, so the startup
/// order and the routing order stay readable and the same on every silo. With one symbol the list is returned as it
/// is: a one-instrument file keeps its names, routes and saved state.
/// </summary>
public static class PipelineLayout
{
    public static IReadOnlyList<ComponentSettings> Expand(AlgoSpaceSettings settings, ComponentCatalog catalog)
    {
        if (settings.Symbols.Count <= 1) return settings.Components;
        var perInstrument = InstrumentTemplates(settings, catalog);
        var expanded = new List<ComponentSettings>();
        foreach (var entry in settings.Components)
        {
            if (!perInstrument.Contains(entry.Name))
            {
                expanded.Add(entry);
                continue;
            }

            foreach (var symbol in settings.Symbols)
            {
                expanded.Add(Copy(entry, PipelineKey.Compose(entry.Name, symbol),
                    entry.DependsOn.Select(d => perInstrument.Contains(d) ? PipelineKey.Compose(d, symbol) : d).ToList()));
            }
        }

        return expanded;
    }

    /// <summary>The names of the entries that are made per instrument (none with one symbol).</summary>
    public static IReadOnlySet<string> InstrumentTemplates(AlgoSpaceSettings settings, ComponentCatalog catalog) =>
        settings.Symbols.Count <= 1
            ? new HashSet<string>(StringComparer.Ordinal)
            : settings.Components.Where(c => ScopeOf(c, catalog) == ComponentScope.Instrument).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// An entry's scope: as configured, else by its kind's role. Data and execution handlers and the performance
    /// tracker are the portfolio's: one clock merging every instrument's data, one account, one report.
    /// </summary>
    public static ComponentScope ScopeOf(ComponentSettings entry, ComponentCatalog catalog) =>
        entry.Scope ?? (catalog.Find(entry.Type)?.Role is ComponentRole.DataHandler or ComponentRole.ExecutionHandler or ComponentRole.PerformanceTracker
            ? ComponentScope.Portfolio
            : ComponentScope.Instrument);

    private static ComponentSettings Copy(ComponentSettings entry, string name, List<string> dependsOn) => new()
    {
        Name = name,
        Type = entry.Type,
        Mode = entry.Mode,
        Critical = entry.Critical,
        Scope = entry.Scope,
        DependsOn = dependsOn,
        Subscribes = entry.Subscribes,
        Publishes = entry.Publishes,
        HandlerBudgetMs = entry.HandlerBudgetMs,
        Parameters = entry.Parameters,
    };
}
