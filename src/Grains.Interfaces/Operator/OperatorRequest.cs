namespace AlgoSpace.Grains.Interfaces.Operator;

/// <summary>
/// Who asks the kernel to change the system (mode, shutdown): the operator token the client read from its
/// environment (ALGOSPACE_OPERATOR_TOKEN) and a description of the client for the silo's log. The token is compared
/// in constant time and never logged.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OperatorRequest(
    [property: Id(0)] string? Token,
    [property: Id(1)] string Client);

/// <summary>The kernel's answer to an operator command: accepted (the work is under way) or refused, and why.</summary>
[GenerateSerializer, Immutable]
public sealed record OperatorReply(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string Message)
{
    public static OperatorReply Accept(string message) => new(true, message);

    public static OperatorReply Refuse(string message) => new(false, message);
}
