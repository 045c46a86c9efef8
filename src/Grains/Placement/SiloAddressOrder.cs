using System.Net;

namespace AlgoSpace.Grains.Placement;

/// <summary>
/// Orders silos by IP address, then port, then generation: an order every silo computes alike from the same
/// membership. <see cref="SiloAddress"/>'s own order puts the generation first, so a silo restarted at its old address
/// would change its rank; here it keeps it.
/// </summary>
public sealed class SiloAddressOrder : IComparer<SiloAddress>
{
    public static SiloAddressOrder Instance { get; } = new();

    private SiloAddressOrder()
    {
    }

    public int Compare(SiloAddress? x, SiloAddress? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var byAddress = CompareAddresses(x.Endpoint.Address, y.Endpoint.Address);
        if (byAddress != 0) return byAddress;
        var byPort = x.Endpoint.Port.CompareTo(y.Endpoint.Port);
        return byPort != 0 ? byPort : x.Generation.CompareTo(y.Generation);
    }

    private static int CompareAddresses(IPAddress x, IPAddress y)
    {
        // IPv4 and IPv4-mapped IPv6 compare as the same address.
        var a = x.MapToIPv6().GetAddressBytes();
        var b = y.MapToIPv6().GetAddressBytes();
        return a.AsSpan().SequenceCompareTo(b);
    }
}
