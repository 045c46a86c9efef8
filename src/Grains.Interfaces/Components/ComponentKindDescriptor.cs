using AlgoSpace.Grains.Interfaces.Configuration;

namespace AlgoSpace.Grains.Interfaces.Components;

/// <summary>
/// What a component kind declares about itself: the events it can handle and publish, the modes it runs in and the
/// models it needs. Configuration is validated against these declarations before anything starts.
/// </summary>
/// <param name="Kind">The name used as <c>type:</c> in settings.yaml.</param>
/// <param name="Role">Data handler, execution handler or processor.</param>
/// <param name="Modes">The modes it may run in: <see cref="ComponentMode.Any"/>, or one mode.</param>
/// <param name="Consumes">Event types it can handle.</param>
/// <param name="Produces">Event types it can publish.</param>
/// <param name="Models">Model names (keys of <c>models:</c> without <c>_path</c>) it needs; without them it runs degraded.</param>
/// <param name="Description">One line for documentation and error hints.</param>
public sealed record ComponentKindDescriptor(
    string Kind,
    ComponentRole Role,
    ComponentMode Modes,
    IReadOnlySet<string> Consumes,
    IReadOnlySet<string> Produces,
    IReadOnlyList<string> Models,
    string Description)
{
    /// <summary>Whether an entry of this kind may be created in the given mode.</summary>
    public bool RunsIn(TradingMode mode) => Modes == ComponentMode.Any || (Modes == ComponentMode.Live) == (mode == TradingMode.Live);
}
