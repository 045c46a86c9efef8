using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Kernel;

/// <summary>What a component is created from: its settings entry and the models its kind needs. Shared by the kernel
/// and the in-process runner, so both build components alike.</summary>
public static class ComponentSpecs
{
    public static ComponentSpec For(AlgoSpaceSettings settings, ComponentCatalog catalog, ComponentSettings component, TradingMode? mode = null)
    {
        var configured = settings.Models.Keys.Select(k => k[..^"_path".Length]).ToHashSet(StringComparer.Ordinal);
        var needed = catalog.Find(component.Type)?.Models ?? [];
        // The kernel decides which component gets which model: what its kind needs, as far as it is configured;
        // what is not configured is still asked for, so the host reports the component Degraded and why.
        return new ComponentSpec(component.Name, component.Type, component.Critical, component.Subscribes, component.Publishes,
            needed.OrderBy(m => configured.Contains(m) ? 0 : 1).ToList(), component.Parameters, mode,
            PipelineKey.InstrumentOf(component.Name) is null ? null : PipelineLayout.InstrumentTemplates(settings, catalog).Order(StringComparer.Ordinal).ToList());
    }
}
