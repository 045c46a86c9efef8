namespace AlgoSpace.Client;

/// <summary>A wrong command line or --config file: the message says what and where; exit code 2.</summary>
public sealed class ClientUsageException(string message) : Exception(message);
