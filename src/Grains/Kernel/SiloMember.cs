namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// One row of the cluster's membership table as the kernel's plain classes see it (the kernel grain reads it from
/// Orleans through <see cref="IKernelPorts.ReadSilosAsync"/>).
/// </summary>
/// <param name="Address">The silo's address (ip:port:generation), the same text a component host reports.</param>
/// <param name="Name">The silo's name.</param>
/// <param name="Status">Orleans' status name: Created, Joining, Active, ShuttingDown, Stopping or Dead.</param>
/// <param name="StartedUtc">When the silo started.</param>
/// <param name="ChangedUtc">The row's last update: its last heartbeat, or the vote that declared it dead if later.</param>
public sealed record SiloMember(string Address, string Name, string Status, DateTime StartedUtc, DateTime ChangedUtc)
{
    /// <summary>Orleans' status of a silo that has left or been declared dead; its row stays in the table as history.</summary>
    public const string Dead = "Dead";

    /// <summary>Whether the silo has left the cluster or died (as opposed to joining, active or on its way out).</summary>
    public bool Gone => Status == Dead;
}
