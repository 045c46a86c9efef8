using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The order in which the kernel creates, starts and stops the components of one mode: dependencies first
/// (depends_on), otherwise the order of the components list; data sources start last and stop first.
/// Settings validation has already refused cycles and unknown names. Entries are the expanded list
/// (<see cref="PipelineLayout"/>): one copy of each instrument-scoped entry per symbol.
/// </summary>
public sealed class StartupPlan
{
    private StartupPlan(IReadOnlyList<ComponentSettings> order, IReadOnlyList<ComponentSettings> startOrder)
    {
        ActivationOrder = order;
        StartOrder = startOrder;
    }

    /// <summary>Creation and initialisation order.</summary>
    public IReadOnlyList<ComponentSettings> ActivationOrder { get; }

    /// <summary>Start order: the activation order with the data handlers moved to the end.</summary>
    public IReadOnlyList<ComponentSettings> StartOrder { get; }

    /// <summary>Stop order: the reverse of the start order, so data stops first.</summary>
    public IEnumerable<ComponentSettings> StopOrder => StartOrder.Reverse();

    public static StartupPlan For(AlgoSpaceSettings settings, TradingMode mode, ComponentCatalog catalog)
    {
        var entries = PipelineLayout.Expand(settings, catalog).Where(c => InMode(c, mode)).ToList();
        var byName = entries.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<ComponentSettings>();

        // Stable topological order: repeatedly take the first listed entry whose dependencies are placed.
        while (order.Count < entries.Count)
        {
            var next = entries.FirstOrDefault(e => !placed.Contains(e.Name) && e.DependsOn.All(d => placed.Contains(d) || !byName.ContainsKey(d)))
                ?? throw new InvalidOperationException("The components' depends_on lists form a cycle.");
            order.Add(next);
            placed.Add(next.Name);
        }

        var isSource = (ComponentSettings c) => catalog.Find(c.Type)?.Role == ComponentRole.DataHandler;
        var startOrder = order.Where(c => !isSource(c)).Concat(order.Where(isSource)).ToList();
        return new StartupPlan(order, startOrder);
    }

    public static bool InMode(ComponentSettings component, TradingMode mode) =>
        component.Mode == ComponentMode.Any || (component.Mode == ComponentMode.Live) == (mode == TradingMode.Live);
}
