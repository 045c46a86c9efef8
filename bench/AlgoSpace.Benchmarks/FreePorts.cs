using System.Net;
using System.Net.Sockets;

namespace AlgoSpace.Benchmarks;

/// <summary>
/// Ports no one listens on right now, for the silos this benchmark starts: tests and other benchmarks may run on
/// this machine at the same time, so fixed or random ports could collide.
/// </summary>
public static class FreePorts
{
    public static (int Silo, int Gateway) Pair()
    {
        var first = new TcpListener(IPAddress.Loopback, 0);
        var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        try
        {
            return (((IPEndPoint)first.LocalEndpoint).Port, ((IPEndPoint)second.LocalEndpoint).Port);
        }
        finally
        {
            first.Stop();
            second.Stop();
        }
    }
}
