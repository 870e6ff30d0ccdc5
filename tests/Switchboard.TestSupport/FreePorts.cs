using System.Net;
using System.Net.Sockets;

namespace Switchboard.TestSupport;

/// <summary>Loopback ports for the silos, gateways and emulators tests start.</summary>
public static class FreePorts
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><paramref name="count"/> different ports, each free a moment ago.</summary>
    public static int[] Distinct(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(Next());
        }

        return [.. ports];
    }

    public static string NextText() => Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
