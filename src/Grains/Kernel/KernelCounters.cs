using AlgoSpace.Grains.Interfaces.Components;
using AlgoSpace.Grains.Interfaces.Kernel;

namespace AlgoSpace.Grains.Kernel;

/// <summary>
/// The kernel's own part of the bus accounting: deliveries it handled as a subscriber, by type. The drain
/// balances every component's sent against handled, the kernel's included.
/// </summary>
public sealed class KernelCounters
{
    public long Handled { get; set; }

    public Dictionary<string, long> ByType { get; } = new(StringComparer.Ordinal);

    public BusCounters Snapshot() =>
        new(KernelKeys.KernelSubscriber, 0, Handled, 0, new Dictionary<string, long>(ByType), new Dictionary<string, long>(), 0);

    public void Reset()
    {
        Handled = 0;
        ByType.Clear();
    }
}
