namespace AlgoSpace.Grains.Components.Decision.Risk;

/// <summary>The saved M-RMS: the account mirror with its last outcomes, and the day a drawdown warning was last sent.</summary>
[GenerateSerializer, Immutable]
public sealed record RiskManagerState(
    [property: Id(0)] AccountLedgerState Ledger,
    [property: Id(1)] DateOnly? WarnedDay);
