namespace AlgoSpace.Grains.Components;

/// <summary>
/// A component that produces data on its own (a data handler). After start the host runs it until it returns (end
/// of data) or the cancellation asks it to stop (shutdown step 1). In backtest it publishes in lockstep: each
/// publish returns when every handler it caused has finished.
/// </summary>
public interface ISourceComponent : IComponent
{
    Task RunAsync(CancellationToken cancellation);
}
