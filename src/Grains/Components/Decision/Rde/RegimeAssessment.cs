using AlgoSpace.Grains.Interfaces.Components.Calls;
using AlgoSpace.Grains.Interfaces.Events;

namespace AlgoSpace.Grains.Components.Decision.Rde;

/// <summary>One answer of the RDE with what it should raise: a regime-transition breach, and the soft alerts to log.</summary>
public sealed record RegimeAssessment(RegimeVectorReply Reply, RiskBreachPayload? Breach, IReadOnlyList<string> Alerts);
