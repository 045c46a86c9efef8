namespace AlgoSpace.Client;

/// <summary>
/// The client's exit codes, the one place they are defined (docs/client.md repeats them for operators and scripts).
/// They describe the client's command, not the silo: the silo's own exit code is printed by `shutdown`.
/// </summary>
public static class ClientExitCodes
{
    /// <summary>The command did what it was asked (a shutdown or mode switch finished).</summary>
    public const int Success = 0;

    /// <summary>The kernel refused the command (wrong or missing operator token, or unsafe now); its reason is on stderr.</summary>
    public const int Refused = 1;

    /// <summary>The command line or the --config file is wrong; nothing was sent.</summary>
    public const int UsageError = 2;

    /// <summary>No gateway of the cluster answered (or the connection was lost during a read).</summary>
    public const int ClusterUnreachable = 3;

    /// <summary>An accepted shutdown or mode switch failed, or did not finish within --timeout.</summary>
    public const int OperationFailed = 4;

    /// <summary>The kernel answered with an error (an exception from the grain call).</summary>
    public const int KernelError = 5;

    /// <summary>Interrupted by Ctrl+C before the command finished (a watch ended by Ctrl+C is a success).</summary>
    public const int Interrupted = 130;
}
