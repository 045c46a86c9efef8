using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// Declares that a class implements a component kind, and what the kind can do. The component registry finds
/// these in the loaded assemblies: adding a component needs an assembly with such a class and a few lines of
/// configuration, and no change to the kernel (NFR-SK-07).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ComponentKindAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
    public ComponentRole Role { get; init; } = ComponentRole.Processor;
    public ComponentMode Modes { get; init; } = ComponentMode.Any;
    public string[] Consumes { get; init; } = [];
    public string[] Produces { get; init; } = [];
    public string[] Models { get; init; } = [];
    public string Description { get; init; } = "";

    /// <summary>
    /// How long one event may take the kind's handler, its publishes not counted: the Performance line of its
    /// contract. A kind that declares none gets <see cref="DefaultHandlerBudgetMs"/>.
    /// </summary>
    public double HandlerBudgetMs { get; init; } = DefaultHandlerBudgetMs;

    /// <summary>What each tick of a NEW_TICK batch adds to <see cref="HandlerBudgetMs"/>, for kinds whose contract budgets ticks.</summary>
    public double TickBudgetMs { get; init; }

    /// <summary>The budget of a kind whose contract names none (plugins, the performance tracker).</summary>
    public const double DefaultHandlerBudgetMs = 10;

    public ComponentKindDescriptor ToDescriptor() =>
        new(Kind, Role, Modes, Consumes.ToHashSet(StringComparer.Ordinal), Produces.ToHashSet(StringComparer.Ordinal), Models, Description);
}
