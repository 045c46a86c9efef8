using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Synergy;

/// <summary>The synergy detector's saved state (component-contracts 2.5, State P).</summary>
/// <param name="Sequence">The signals of the open pattern, in arrival order; empty when none is open.</param>
/// <param name="LastSynergyBar">Bar index (seq) of the last emitted synergy; null before the first.</param>
/// <param name="CurrentBar">Seq of the last INDICATORS_READY processed; null before the first.</param>
[GenerateSerializer, Immutable]
public sealed record SynergyDetectorState(
    [property: Id(0)] IReadOnlyList<SynergySignal> Sequence,
    [property: Id(1)] long? LastSynergyBar,
    [property: Id(2)] long? CurrentBar);
