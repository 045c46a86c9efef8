using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Configuration;
using AlgoSpace.Grains.Models;

namespace AlgoSpace.Grains.Components;

/// <summary>What a component is given by its host: its identity, the settings, the bus, its logger and models.</summary>
public interface IComponentContext
{
    ComponentSpec Spec { get; }
    AlgoSpaceSettings Settings { get; }
    IEventBus Bus { get; }
    ILogger Logger { get; }

    /// <summary>The models this component was assigned, by name; a missing one is absent (the component runs degraded).</summary>
    IReadOnlyDictionary<string, LoadedModel> Models { get; }

    /// <summary>Synchronous calls to other components by name (GetMatrix, GetRegimeVector, GenerateRiskProposal).</summary>
    IComponentCalls Calls { get; }

    /// <summary>Marks the component Degraded with a reason (it keeps running).</summary>
    void ReportDegraded(string reason);

    /// <summary>
    /// The component's journal. An execution handler appends each order event before it acknowledges it, so that a
    /// crash between two checkpoints never loses an acknowledged order, fill or position; the rest of a
    /// component's state is saved only in checkpoints, all components at one moment (persistence.snapshot_every_bars).
    /// </summary>
    AlgoSpace.Grains.Components.Journal.IComponentJournal Journal { get; }
}
