using System.Net.Sockets;

namespace AlgoSpace.Client.Connection;

/// <summary>
/// Tells a lost or refused connection to the cluster from an error the kernel itself raised. Grain exceptions reach
/// the client as their own types (a NotSupportedException stays one); Orleans' runtime and transport failures derive
/// from OrleansException or are timeouts and socket errors.
/// </summary>
public static class ConnectionErrors
{
    public static bool IsConnectionLost(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is OrleansException or TimeoutException or SocketException or ObjectDisposedException or ClusterUnreachableException)
            {
                return true;
            }
        }

        return false;
    }
}
