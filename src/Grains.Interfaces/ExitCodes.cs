namespace AlgoSpace.Grains.Interfaces;

/// <summary>The process exit codes of the silo and the client, documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Success, or a graceful shutdown.</summary>
    public const int Success = 0;

    /// <summary>An unexpected crash.</summary>
    public const int Crash = 1;

    /// <summary>Invalid configuration or command line: nothing was started.</summary>
    public const int ConfigurationError = 2;

    /// <summary>A component marked critical failed to start.</summary>
    public const int CriticalComponentFailed = 3;

    /// <summary>Emergency shutdown: a fatal error, or the graceful shutdown exceeded its timeout.</summary>
    public const int EmergencyShutdown = 4;
}
