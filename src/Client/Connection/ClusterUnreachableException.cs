namespace AlgoSpace.Client.Connection;

/// <summary>No gateway of the cluster answered within the connect budget; the message names what was tried. Exit code 3.</summary>
public sealed class ClusterUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
