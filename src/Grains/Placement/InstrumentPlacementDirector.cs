using AlgoSpace.Grains.Interfaces.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;

namespace AlgoSpace.Grains.Placement;

/// <summary>
/// Places a grain whose key names an instrument on the silo <see cref="InstrumentSiloChooser"/> picks from the silos
/// compatible with it, and any other grain through the director of the silo's default placement strategy, so that
/// portfolio-level components land where they did before (in Orleans 10.4: <see cref="ResourceOptimizedPlacement"/>,
/// which prefers the local silo unless another is clearly less loaded). Placement decides only where a new activation
/// starts: an active grain stays where it is when silos join or leave.
/// </summary>
public sealed partial class InstrumentPlacementDirector(
    AlgoSpaceSettings settings,
    IServiceProvider services,
    ILogger<InstrumentPlacementDirector> logger) : IPlacementDirector
{
    // Resolved on first use: the default strategy's director is registered by Orleans beside this one.
    private readonly Lazy<(PlacementStrategy Strategy, IPlacementDirector Director)> _default = new(() => DefaultOf(services));

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        if (InstrumentSiloChooser.SymbolOf(key) is null)
        {
            var (defaultStrategy, director) = _default.Value;
            return director.OnAddActivation(defaultStrategy, target, context);
        }

        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 0)
        {
            throw new SiloUnavailableException($"Cannot place grain '{target.GrainIdentity}': no compatible silo is active.");
        }

        var silo = InstrumentSiloChooser.Choose(key, settings.Symbols, silos)!;
        LogPlaced(target.GrainIdentity.ToString(), silo.ToString(), silos.Length);
        return Task.FromResult(silo);
    }

    private static (PlacementStrategy, IPlacementDirector) DefaultOf(IServiceProvider services)
    {
        var strategy = services.GetRequiredService<PlacementStrategy>();
        if (strategy is InstrumentPlacement)
        {
            // As the cluster's default this strategy would delegate to itself.
            strategy = new ResourceOptimizedPlacement();
        }

        return (strategy, services.GetRequiredKeyedService<IPlacementDirector>(strategy.GetType()));
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Debug, Message = "Placed {Grain} by its instrument on {Silo} (of {SiloCount} compatible silos)")]
    private partial void LogPlaced(string grain, string silo, int siloCount);
}
