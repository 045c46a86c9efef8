using AlgoSpace.Configuration;
using AlgoSpace.Models;

namespace AlgoSpace.Components;

/// <summary>The context a host gives its component.</summary>
public sealed class ComponentContext(
    ComponentSpec spec,
    AlgoSpaceSettings settings,
    IEventBus bus,
    ILogger logger,
    IReadOnlyDictionary<string, LoadedModel> models,
    Action<string> reportDegraded,
    Func<Task> saveNow) : IComponentContext
{
    public ComponentSpec Spec { get; } = spec;
    public AlgoSpaceSettings Settings { get; } = settings;
    public IEventBus Bus { get; } = bus;
    public ILogger Logger { get; } = logger;
    public IReadOnlyDictionary<string, LoadedModel> Models { get; } = models;

    public void ReportDegraded(string reason) => reportDegraded(reason);

    public Task SaveStateNowAsync() => saveNow();
}
