namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// A payload about one instrument. A portfolio-wide producer (the data handler merging every instrument's data, the
/// execution handler keeping the account) routes it to that instrument's pipeline only (<see cref="AlgoSpace.Grains.Interfaces.Components.PipelineKey"/>).
/// </summary>
public interface IInstrumentPayload
{
    string Symbol { get; }
}
