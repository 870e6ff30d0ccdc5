using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Switchboard.Hosting;

/// <summary>Turns <see cref="SwitchboardClusterOptions.AdvertisedAddress"/> into the IP address a silo advertises.</summary>
public static class AdvertisedAddress
{
    public const string Auto = "auto";

    /// <summary>Resolves the setting against this machine's network interfaces.</summary>
    public static IPAddress Resolve(string setting) => Resolve(setting, MachineAddresses);

    /// <summary>Resolves the setting; <paramref name="machineAddresses"/> lists the addresses <c>auto</c> chooses from.</summary>
    public static IPAddress Resolve(string setting, Func<IEnumerable<IPAddress>> machineAddresses)
    {
        ArgumentNullException.ThrowIfNull(machineAddresses);
        if (string.Equals(setting?.Trim(), Auto, StringComparison.OrdinalIgnoreCase))
        {
            return machineAddresses().FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? throw new InvalidOperationException(
                    $"{SwitchboardClusterOptions.Section}:{nameof(SwitchboardClusterOptions.AdvertisedAddress)} is '{Auto}' but this machine has no IPv4 address other than loopback.");
        }

        return IPAddress.TryParse(setting, out var address)
            ? address
            : throw new InvalidOperationException(
                $"{SwitchboardClusterOptions.Section}:{nameof(SwitchboardClusterOptions.AdvertisedAddress)} '{setting}' is neither an IP address nor '{Auto}'.");
    }

    private static IEnumerable<IPAddress> MachineAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address);
}
