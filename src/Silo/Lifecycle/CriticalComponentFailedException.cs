namespace AlgoSpace.Silo.Lifecycle;

/// <summary>Aborts the silo's start when a component marked critical failed to start (exit code 3).</summary>
public sealed class CriticalComponentFailedException(string reason) : Exception(reason);
