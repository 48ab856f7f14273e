using System.Net;
using System.Net.Sockets;

namespace Dashboard.Testing;

public static class FreePorts
{
    /// <summary>Ports the operating system just handed out, so parallel test hosts do not collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
