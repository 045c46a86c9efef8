namespace AlgoSpace.Grains.Interfaces.Kernel;

/// <summary>Names shared by silo, grains and client: grain keys and the bus's channel namespaces and providers.</summary>
public static class KernelKeys
{
    /// <summary>The kernel grain's key: one kernel per cluster.</summary>
    public const string Kernel = "kernel";

    /// <summary>The checkpoint commit record's grain key (<see cref="AlgoSpace.Grains.Interfaces.Checkpoints.ICheckpointGrain"/>).</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>The name the routing table uses for the kernel as a subscriber.</summary>
    public const string KernelSubscriber = "kernel";

    /// <summary>Broadcast-channel provider of the bus.</summary>
    public const string BroadcastProvider = "algospace-bus";

    /// <summary>Stream provider of the bus (transport: stream).</summary>
    public const string StreamProvider = "algospace-streams";

    /// <summary>Channel and stream namespace: the key is the subscribing component's name.</summary>
    public const string BusNamespace = "algospace.bus";
}
