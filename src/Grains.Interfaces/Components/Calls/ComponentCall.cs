namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>
/// A synchronous question one component asks another (component-contracts 0: GetMatrix, GetRegimeVector,
/// GenerateRiskProposal and GetPortfolioState are grain calls, not events). Requests and replies are sealed
/// [GenerateSerializer] records deriving from these.
/// </summary>
[GenerateSerializer]
public abstract record ComponentRequest;

/// <summary>The answer to a <see cref="ComponentRequest"/>.</summary>
[GenerateSerializer]
public abstract record ComponentReply;
