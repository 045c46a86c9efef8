using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Indicators;

/// <summary>
/// The MMD calculator's saved state: the last <see cref="MmdCalculator.HistoryBars"/> 30-minute bars, oldest first,
/// and how many bars it has seen. Everything else is recomputed from these, and the references from constants.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MmdCalculatorState(
    [property: Id(0)] IReadOnlyList<BarPayload> Bars,
    [property: Id(1)] long BarCount);
