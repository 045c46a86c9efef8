namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>The system's state machine, held by the kernel grain.</summary>
[GenerateSerializer]
public enum SystemState
{
    /// <summary>Creating and initialising components.</summary>
    Initializing,
    /// <summary>Components created and wired; starting them, data last.</summary>
    Starting,
    /// <summary>Every component running.</summary>
    Running,
    /// <summary>Running, but at least one non-critical component failed or lacks a model.</summary>
    Degraded,
    /// <summary>The shutdown sequence is under way.</summary>
    Stopping,
    /// <summary>Shut down; state saved.</summary>
    Stopped,
    /// <summary>A critical component failed to start, or a fatal error forced an emergency shutdown.</summary>
    Faulted,
    /// <summary>The operator's mode switch is under way: data stopped, book protected, handlers being swapped.</summary>
    Switching,
    /// <summary>
    /// A silo of the cluster left or died: data stopped, and the components are being restored from the last
    /// committed checkpoint on the silos that remain (or wait there, after a hand-over, for the silo to be gone).
    /// </summary>
    Recovering,
}
