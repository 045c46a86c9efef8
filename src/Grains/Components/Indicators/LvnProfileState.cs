using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The LVN profile's saved state: the last 30-minute bars it holds (the profile window, and at least the 50 scored
/// bars plus the one before them), oldest first, and how many bars it has seen.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LvnProfileState(
    [property: Id(0)] IReadOnlyList<BarPayload> Bars,
    [property: Id(1)] long BarCount);
