using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Grains.Interfaces.Components.Calls;

/// <summary>Asks an execution handler for its book (the kernel asks for the operator's status, positions and orders).</summary>
[GenerateSerializer, Immutable]
public sealed record AccountViewRequest : ComponentRequest;

/// <summary>The execution handler's book.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountViewReply([property: Id(0)] AccountView Account) : ComponentReply;
