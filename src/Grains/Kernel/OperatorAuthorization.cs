using System.Security.Cryptography;
using System.Text;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The operator token that commands changing the system (mode, shutdown) must present. The silo reads it from the
/// environment variable <see cref="EnvironmentVariable"/> (never from a file); with none set, every such command is
/// refused, so a cluster is never controllable by accident. Tokens are compared in constant time and never logged.
/// </summary>
public sealed class OperatorAuthorization
{
    public const string EnvironmentVariable = "ALGOSPACE_OPERATOR_TOKEN";

    private readonly byte[]? _expected;

    public OperatorAuthorization(string? token)
    {
        _expected = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public static OperatorAuthorization FromEnvironment() => new(Environment.GetEnvironmentVariable(EnvironmentVariable));

    public bool IsConfigured => _expected is not null;

    /// <summary>Null when <paramref name="presented"/> is the configured token; otherwise why the command is refused.</summary>
    public string? Refusal(string? presented)
    {
        if (_expected is null) return $"no operator token is configured on the silo (set {EnvironmentVariable} in the silo's environment)";
        if (string.IsNullOrEmpty(presented)) return $"no operator token presented (set {EnvironmentVariable} in the client's environment)";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(hash, _expected) ? null : "the operator token is wrong";
    }
}
