using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Models;

namespace AlgoSpace.Grains.Components;

/// <summary>The context a host gives its component.</summary>
public sealed class ComponentContext(
    ComponentSpec spec,
    AlgoSpaceSettings settings,
    IEventBus bus,
    ILogger logger,
    IReadOnlyDictionary<string, LoadedModel> models,
    Action<string> reportDegraded,
    AlgoSpace.Grains.Components.Journal.IComponentJournal journal,
    IComponentCalls? calls = null) : IComponentContext
{
    public ComponentSpec Spec { get; } = spec;
    public AlgoSpaceSettings Settings { get; } = settings;
    public IEventBus Bus { get; } = bus;
    public ILogger Logger { get; } = logger;
    public IReadOnlyDictionary<string, LoadedModel> Models { get; } = models;
    public IComponentCalls Calls { get; } = calls ?? NoComponentCalls.Instance;

    public void ReportDegraded(string reason) => reportDegraded(reason);

    public AlgoSpace.Grains.Components.Journal.IComponentJournal Journal { get; } = journal;
}

/// <summary>For a context without other components (unit tests of one component): every call fails and says why.</summary>
public sealed class NoComponentCalls : IComponentCalls
{
    public static NoComponentCalls Instance { get; } = new();

    public ValueTask<TReply> CallAsync<TReply>(string component, AlgoSpace.Grains.Interfaces.Components.Calls.ComponentRequest request) where TReply : AlgoSpace.Grains.Interfaces.Components.Calls.ComponentReply =>
        throw new ComponentCallException($"No component '{component}' to ask {request.GetType().Name}: this context has no other components.");
}
