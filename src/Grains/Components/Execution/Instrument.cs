namespace AlgoSpace.Grains.Components.Execution;

/// <summary>Contract terms of a symbol.</summary>
/// <param name="TickSize">Minimum price increment, in points.</param>
/// <param name="PointValue">USD per point per contract.</param>
public sealed record Instrument(string Symbol, double TickSize, double PointValue);
