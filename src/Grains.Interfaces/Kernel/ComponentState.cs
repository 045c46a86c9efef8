namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>The state of one component as the kernel sees it.</summary>
[GenerateSerializer]
public enum ComponentState
{
    Created,
    Initialized,
    Running,
    /// <summary>Running without something it needs (a model, or after a non-critical failure).</summary>
    Degraded,
    /// <summary>Failed to initialise or start; not running.</summary>
    Failed,
    Stopped,
}
