using System.Reflection;
using AlgoSpace.Grains.Interfaces.Components;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// The one registry of component implementations: kind → type, found through <see cref="ComponentKindAttribute"/>
/// in the given assemblies and always in this one (the built-in kinds), so the attribute on the class is a kind's
/// only declaration. Its catalogue (the kinds' declarations) is what settings are validated against. Read-only after
/// construction, so every silo builds the same one from the same assemblies. A kind is built whole: its public
/// constructor takes the <see cref="IComponentContext"/> (spec, settings, bus, models), so there is no second step.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<string, Type> _implementations = new(StringComparer.Ordinal);

    public ComponentRegistry(IEnumerable<Assembly> assemblies)
    {
        var descriptors = new Dictionary<string, ComponentKindDescriptor>(StringComparer.Ordinal);
        // The built-in kinds are always known, whatever assemblies a test or a tool names.
        foreach (var type in assemblies.Prepend(typeof(ComponentRegistry).Assembly).Distinct().SelectMany(SafeTypes))
        {
            if (type.GetCustomAttribute<ComponentKindAttribute>() is not { } attribute) continue;
            if (!typeof(IComponent).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor([typeof(IComponentContext)]) is null)
            {
                throw new InvalidOperationException($"{type.FullName} declares component kind '{attribute.Kind}' but is not a concrete IComponent with a public constructor taking an {nameof(IComponentContext)}.");
            }

            if (_implementations.TryGetValue(attribute.Kind, out var existing) && existing != type)
            {
                throw new InvalidOperationException($"Component kind '{attribute.Kind}' is implemented twice: {existing.FullName} and {type.FullName}.");
            }

            _implementations[attribute.Kind] = type;
            descriptors[attribute.Kind] = attribute.ToDescriptor();
        }

        Catalog = new ComponentCatalog(descriptors.Values);
    }

    /// <summary>The registry of this process: the AlgoSpace assemblies, every other assembly loaded so far, and the plugins given.</summary>
    public static ComponentRegistry FromLoadedAssemblies(IReadOnlyList<Assembly>? plugins = null) =>
        new(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic).Append(typeof(ComponentRegistry).Assembly).Concat(plugins ?? []))
        {
            Plugins = plugins ?? [],
        };

    /// <summary>Assemblies loaded from component_assemblies; the silo registers their serializable types with Orleans.</summary>
    public IReadOnlyList<Assembly> Plugins { get; private init; } = [];

    public ComponentCatalog Catalog { get; }

    /// <summary>Whether the kind has an implementation in this process.</summary>
    public bool IsImplemented(string kind) => _implementations.ContainsKey(kind);

    /// <summary>
    /// Creates the logic of a kind, whole, from its context, or explains why it cannot. An exception of the
    /// constructor is the component's own (an initialisation error), not wrapped in a reflection one.
    /// </summary>
    public IComponent Create(string kind, IComponentContext context) =>
        _implementations.TryGetValue(kind, out var type)
            ? (IComponent)Activator.CreateInstance(type, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DoNotWrapExceptions, null, [context], null)!
            : throw new InvalidOperationException($"No implementation of component kind '{kind}' is loaded in this silo.");

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        // Only assemblies that can see ComponentKindAttribute may declare kinds; skipping the rest keeps start-up
        // fast and avoids loading types of unrelated assemblies.
        if (assembly != typeof(ComponentKindAttribute).Assembly
            && assembly.GetReferencedAssemblies().All(r => r.Name != typeof(ComponentKindAttribute).Assembly.GetName().Name))
        {
            return [];
        }

        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.Where(t => t is not null)!;
        }
    }
}
