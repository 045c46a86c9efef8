namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>
/// A component's bus as its host sees it: publishes made while an event is handled inherit that event's
/// correlation id, which the <see cref="ComponentShell"/> sets around each handler.
/// </summary>
public interface IHostedBus : IEventBus
{
    string? CurrentCorrelation { get; set; }
}
