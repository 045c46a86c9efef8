namespace AlgoSpace.Silo.Lifecycle;

/// <summary>How the silo's lifecycle behaves in this process.</summary>
public sealed class SiloHostingOptions
{
    /// <summary>Stop the host (and so the process) when the kernel reports the system stopped. Tests that host
    /// silos in-process turn this off.</summary>
    public bool StopHostWhenSystemStops { get; init; } = true;
}
