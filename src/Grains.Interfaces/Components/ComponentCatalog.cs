namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>The one registry of component kinds, keyed by the kind a type declares (never by scattered type names).</summary>
public sealed class ComponentCatalog
{
    private readonly Dictionary<string, ComponentKindDescriptor> _byKind;

    public ComponentCatalog(IEnumerable<ComponentKindDescriptor> kinds)
    {
        _byKind = new Dictionary<string, ComponentKindDescriptor>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            if (!_byKind.TryAdd(kind.Kind, kind))
            {
                throw new ArgumentException($"Component kind '{kind.Kind}' is registered twice.", nameof(kinds));
            }
        }
    }

    public IEnumerable<ComponentKindDescriptor> Kinds => _byKind.Values.OrderBy(k => k.Kind, StringComparer.Ordinal);

    public ComponentKindDescriptor? Find(string kind) => _byKind.GetValueOrDefault(kind);
}
