namespace AlgoSpace.Grains.Components.Execution;

/// <summary>Contract terms of a symbol.</summary>
/// <param name="TickSize">Minimum price increment, in points.</param>
/// <param name="PointValue">USD per point per contract.</param>
/// <param name="SessionClose">The instrument's own session close (instruments.X.session_close); null: execution.session_close.</param>
public sealed record Instrument(string Symbol, double TickSize, double PointValue, TimeOnly? SessionClose = null);
