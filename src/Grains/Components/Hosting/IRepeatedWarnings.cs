namespace AlgoSpace.Grains.Components.Hosting;

/// <summary>A component with <see cref="RepeatedWarning"/>s: its shell flushes them when it stops the component.</summary>
public interface IRepeatedWarnings
{
    void FlushRepeatedWarnings();
}
