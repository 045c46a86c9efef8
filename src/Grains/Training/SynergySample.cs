using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Training;

/// <summary>
/// What the Main MARL Core would have seen at one synergy, captured for training: the two matrices and the regime
/// matrix as of the synergy's features seq, and the synergy itself (for the LVN, synergy and label inputs).
/// </summary>
/// <param name="BarIndex">Index into the collected 5-minute bars of the first bar that starts at or after the decision.</param>
public sealed record SynergySample(SynergyDetectedPayload Synergy, float[] Structure, float[] Tactical, float[] Regime, int BarIndex);
