namespace AlgoSpace.Grains.Interfaces.Events;

/// <summary>
/// RISK_BREACH: a risk limit was hit. Codes: HIGH_VOLATILITY_WARNING, CORRELATION_WARNING,
/// REGIME_TRANSITION_WARNING, DRAWDOWN_WARNING, POSITION_LIMIT_EXCEEDED, RISK_CHECK_FAILED, PARTIAL_FILL_TIMEOUT.
/// </summary>
/// <param name="Context">The values behind the breach, by name (check, limit, actual, execution id, ...).</param>
[GenerateSerializer, Immutable]
public sealed record RiskBreachPayload(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] IReadOnlyDictionary<string, string> Context) : EventPayload;
