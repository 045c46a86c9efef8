namespace AlgoSpace.Grains.Interfaces.Events;

// EXECUTE_TRADE (component-contracts 2.7): the Main MARL Core's decision, consumed by the execution handler.
// The execution handler reads only the execution id, the trade specification and the risk parameters; the
// decision metadata and tracking data travel along for audit and are optional so that a producer without them
// (a test, a rule-only strategy) can still send a trade.

/// <summary>EXECUTE_TRADE: one decided trade.</summary>
/// <param name="ExecutionId"><c>EX_yyyyMMdd_HHmmss_NNN</c>, from simulation time; unique per trade.</param>
[GenerateSerializer, Immutable]
public sealed record ExecuteTradePayload(
    [property: Id(0)] string ExecutionId,
    [property: Id(1)] TradeSpecification TradeSpecification,
    [property: Id(2)] RiskParameters RiskParameters,
    [property: Id(3)] DecisionMetadata? DecisionMetadata = null,
    [property: Id(4)] TrackingData? TrackingData = null) : EventPayload, IInstrumentPayload
{
    string IInstrumentPayload.Symbol => TradeSpecification.Symbol;
}

/// <summary>What to trade.</summary>
/// <param name="Direction">+1 long, -1 short.</param>
/// <param name="EntryPrice">The price the decision was made at (the current price); the fill may differ.</param>
[GenerateSerializer, Immutable]
public sealed record TradeSpecification(
    [property: Id(0)] string Symbol,
    [property: Id(1)] int Direction,
    [property: Id(2)] double EntryPrice,
    [property: Id(3)] string SynergyType);

/// <summary>Size and bracket of a trade, from the M-RMS proposal.</summary>
/// <param name="PositionSize">Contracts, at least 1.</param>
/// <param name="MaxHoldTime">Time stop in 5-minute bars (100 in v1); 0 disables it.</param>
/// <param name="TrailingRules">Empty in v1.</param>
/// <param name="RiskAmount">USD at risk to the stop.</param>
/// <param name="RewardAmount">USD to the target.</param>
[GenerateSerializer, Immutable]
public sealed record RiskParameters(
    [property: Id(0)] int PositionSize,
    [property: Id(1)] double StopLoss,
    [property: Id(2)] double TakeProfit,
    [property: Id(3)] int MaxHoldTime,
    [property: Id(4)] double RiskAmount,
    [property: Id(5)] double RewardAmount,
    [property: Id(6)] IReadOnlyDictionary<string, double>? TrailingRules = null);

/// <summary>How confident the policy was.</summary>
/// <param name="QualificationConfidence">Mean MC-dropout probability of QUALIFY.</param>
/// <param name="Uncertainty">Its standard deviation.</param>
/// <param name="RegimeContext">The 8-dimensional regime vector.</param>
[GenerateSerializer, Immutable]
public sealed record DecisionMetadata(
    [property: Id(0)] double QualificationConfidence,
    [property: Id(1)] double Uncertainty,
    [property: Id(2)] double ExecutionConfidence,
    [property: Id(3)] McDropoutMetrics McDropoutMetrics,
    [property: Id(4)] IReadOnlyList<double> RegimeContext,
    [property: Id(5)] double ProcessingTimeMs);

/// <summary>Spread of the MC-dropout passes.</summary>
[GenerateSerializer, Immutable]
public sealed record McDropoutMetrics(
    [property: Id(0)] double MeanStd,
    [property: Id(1)] double MaxStd,
    [property: Id(2)] double Entropy);

/// <summary>Bookkeeping of the decision.</summary>
/// <param name="ExpectedValue">0.6 · reward - 0.4 · risk.</param>
[GenerateSerializer, Immutable]
public sealed record TrackingData(
    [property: Id(0)] double RiskRewardRatio,
    [property: Id(1)] double ExpectedValue,
    [property: Id(2)] long DecisionNumber,
    [property: Id(3)] int DailyTradeNumber);
