namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>One point of the equity curve: realized equity at a simulation time, and how far it is below its peak.</summary>
/// <param name="Equity">Initial capital plus the net P&amp;L of every trade closed at or before <paramref name="Time"/>, USD.</param>
/// <param name="Drawdown">Peak equity so far minus <paramref name="Equity"/>, USD (0 or more).</param>
/// <param name="DrawdownPercent">100 · Drawdown / peak.</param>
[GenerateSerializer, Immutable]
public sealed record EquityPoint(
    [property: Id(0)] DateTime Time,
    [property: Id(1)] double Equity,
    [property: Id(2)] double Drawdown,
    [property: Id(3)] double DrawdownPercent);
