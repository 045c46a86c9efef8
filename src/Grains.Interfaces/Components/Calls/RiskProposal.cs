namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>The M-RMS's size and bracket for one trade (component-contracts 2.8). Prices in points, money in USD.</summary>
/// <param name="PositionSize">Contracts, 0-5 after the hard limits.</param>
/// <param name="RiskAmount">|entry − stop| · point value · size.</param>
/// <param name="RewardAmount">|target − entry| · point value · size.</param>
/// <param name="SlAtrMultiplier">m_sl: the stop distance in ATRs.</param>
/// <param name="ConfidenceScore">Probability of the chosen size.</param>
/// <param name="TradeDirection">"LONG" or "SHORT".</param>
/// <param name="Rejected">A hard limit forbids the trade; <see cref="RejectionReason"/> says which.</param>
/// <param name="Fallback">The model was missing or failed: the fixed fallback (1 contract, 1.5 ATR, 2R) was used.</param>
[GenerateSerializer, Immutable]
public sealed record RiskProposal(
    [property: Id(0)] int PositionSize,
    [property: Id(1)] double StopLossPrice,
    [property: Id(2)] double TakeProfitPrice,
    [property: Id(3)] double RiskAmount,
    [property: Id(4)] double RewardAmount,
    [property: Id(5)] double RiskRewardRatio,
    [property: Id(6)] double SlAtrMultiplier,
    [property: Id(7)] double ConfidenceScore,
    [property: Id(8)] string TradeDirection,
    [property: Id(9)] double EntryPrice,
    [property: Id(10)] double AtrValue,
    [property: Id(11)] bool Rejected,
    [property: Id(12)] string? RejectionReason,
    [property: Id(13)] bool Fallback,
    [property: Id(14)] RiskMetrics RiskMetrics,
    [property: Id(15)] IReadOnlyList<double> PositionProbabilities,
    [property: Id(16)] RiskValidation Validation);

/// <param name="MaxPositionAllowed">The largest size the 2 % risk limit allows, capped at the maximum size.</param>
/// <param name="PositionUtilization">Size / maximum size.</param>
/// <param name="RiskPercentage">100 · risk / equity.</param>
[GenerateSerializer, Immutable]
public sealed record RiskMetrics(
    [property: Id(0)] double SlDistancePoints,
    [property: Id(1)] double TpDistancePoints,
    [property: Id(2)] double RiskPerContract,
    [property: Id(3)] double RewardPerContract,
    [property: Id(4)] int MaxPositionAllowed,
    [property: Id(5)] double PositionUtilization,
    [property: Id(6)] double RiskPercentage);

/// <param name="RiskAcceptable">Risk ≤ risk_management.max_daily_loss ($5k).</param>
/// <param name="RrAcceptable">Risk/reward ratio ≥ 1.</param>
[GenerateSerializer, Immutable]
public sealed record RiskValidation(
    [property: Id(0)] bool IsValid,
    [property: Id(1)] bool RiskAcceptable,
    [property: Id(2)] bool PositionWithinLimits,
    [property: Id(3)] bool RrAcceptable);
