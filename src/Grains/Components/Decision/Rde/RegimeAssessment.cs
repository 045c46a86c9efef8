using AlgoSpace.Components.Calls;
using AlgoSpace.Events;

namespace AlgoSpace.Components.Decision.Rde;

/// <summary>One answer of the RDE with what it should raise: a regime-transition breach, and the soft alerts to log.</summary>
public sealed record RegimeAssessment(RegimeVectorReply Reply, RiskBreachPayload? Breach, IReadOnlyList<string> Alerts);
