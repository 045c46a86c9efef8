namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>GenerateRiskProposal(TradeQualification): the Main MARL Core asks the M-RMS to size and bracket a qualified trade (component-contracts 2.7 step 4, 2.8).</summary>
[GenerateSerializer, Immutable]
public sealed record RiskProposalRequest([property: Id(0)] TradeQualification Qualification) : ComponentRequest;

/// <summary>The M-RMS's answer; a proposal is always returned, <see cref="RiskProposal.Rejected"/> says whether it may be traded.</summary>
[GenerateSerializer, Immutable]
public sealed record RiskProposalReply([property: Id(0)] RiskProposal Proposal) : ComponentReply;
