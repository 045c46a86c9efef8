namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// TRADE_REJECTED: a synergy the Main MARL Core did not trade, published for audit (component-contracts 1).
/// </summary>
/// <param name="SynergyRef">The synergy's identity: type, features seq and time.</param>
/// <param name="Stage">gate1, gate2, safety or error.</param>
/// <param name="Consensus">Mean MC-dropout probability of QUALIFY (0 when the policy did not run).</param>
[GenerateSerializer, Immutable]
public sealed record TradeRejectedPayload(
    [property: Id(0)] string SynergyRef,
    [property: Id(1)] string Stage,
    [property: Id(2)] IReadOnlyList<string> Reasons,
    [property: Id(3)] double Consensus,
    [property: Id(4)] string? RiskProposalSummary) : EventPayload
{
    public const string StageGate1 = "gate1";
    public const string StageGate2 = "gate2";
    public const string StageSafety = "safety";
    public const string StageError = "error";
}

/// <summary>PERFORMANCE_UPDATE: published by the Main MARL Core every 10 closed trades.</summary>
[GenerateSerializer, Immutable]
public sealed record PerformanceUpdatePayload(
    [property: Id(0)] int TotalTrades,
    [property: Id(1)] double WinRate,
    [property: Id(2)] double TotalPnl,
    [property: Id(3)] double AvgPnlPerTrade) : EventPayload;
