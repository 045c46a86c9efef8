using AlgoSpace.Configuration;

namespace AlgoSpace.Components;

/// <summary>The context a host gives its component.</summary>
public sealed class ComponentContext(
    ComponentSpec spec,
    AlgoSpaceSettings settings,
    IEventBus bus,
    ILogger logger,
    IReadOnlyDictionary<string, object> models,
    Action<string> reportDegraded) : IComponentContext
{
    public ComponentSpec Spec { get; } = spec;
    public AlgoSpaceSettings Settings { get; } = settings;
    public IEventBus Bus { get; } = bus;
    public ILogger Logger { get; } = logger;
    public IReadOnlyDictionary<string, object> Models { get; } = models;

    public void ReportDegraded(string reason) => reportDegraded(reason);
}
