using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components;

/// <summary>
/// A component's logic: a plain class that runs the same inside a grain and without Orleans (tests, the in-process
/// runner). The host calls these one at a time, never concurrently, except that a handler may be re-entered by an
/// event its own publication caused (call-chain reentrancy: a reply such as POSITION_UPDATE to an EXECUTE_TRADE).
/// A component is built whole: its public constructor takes its <see cref="IComponentContext"/> (see
/// <see cref="ComponentRegistry.Create"/>), and an exception there is a component initialisation error (FR-SK-06).
/// </summary>
public interface IComponent
{
    /// <summary>Starts the component (called in dependency order; data sources last).</summary>
    ValueTask StartAsync(CancellationToken cancellation);

    /// <summary>Handles one event. Throw <see cref="TransientComponentException"/> for a retryable failure and
    /// <see cref="FatalComponentException"/> for one that makes the system unsafe to continue.</summary>
    ValueTask HandleAsync(EventEnvelope envelope, CancellationToken cancellation);

    /// <summary>Stops the component.</summary>
    ValueTask StopAsync(CancellationToken cancellation);

    /// <summary>The state to persist, as a [GenerateSerializer] type; null when there is none.</summary>
    object? SaveState();

    /// <summary>Restores state saved by <see cref="SaveState"/>: after the component is constructed, before it is started.</summary>
    void RestoreState(object state);

    /// <summary>Answers a question from its state (status displays, tests); "" when it has no answer.</summary>
    string Query(string question) => "";
}
