using AlgoSpace.Grains.Interfaces.Operator;

namespace AlgoSpace.Client.Commands;

/// <summary>
/// Who the client says it is when it asks the kernel to change the system. The token comes only from the client's
/// environment (never a command-line flag, which would land in shell history and process lists) and is never printed.
/// </summary>
public sealed class OperatorIdentity(string? token, string client)
{
    public const string TokenVariable = "ALGOSPACE_OPERATOR_TOKEN";

    public bool HasToken => !string.IsNullOrEmpty(token);

    /// <summary>"user@host pid N", for the silo's log.</summary>
    public string Client { get; } = client;

    public OperatorRequest Request() => new(string.IsNullOrEmpty(token) ? null : token, Client);

    public static OperatorIdentity FromEnvironment(Func<string, string?> environment) =>
        new(environment(TokenVariable), $"{Environment.UserName}@{Environment.MachineName} pid {Environment.ProcessId}");

    public override string ToString() => Client;
}
