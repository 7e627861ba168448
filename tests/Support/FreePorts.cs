using System.Net;
using System.Net.Sockets;

namespace CarbonDerivatives.Tests.Support;

/// <summary>Loopback ports free at the moment of asking (the OS picks them).</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
