using System.ComponentModel.DataAnnotations;

namespace Switchboard.Hosting;

/// <summary>How silos and clients find each other (section <c>Orleans</c>). Everything binds to 127.0.0.1 unless told otherwise.</summary>
public sealed class SwitchboardClusterOptions
{
    public const string Section = "Orleans";

    /// <summary><c>CoHosted</c> (default): the API host runs a silo itself. <c>Client</c>: it connects to separate silos.</summary>
    public HostingMode Mode { get; set; } = HostingMode.CoHosted;

    [Required, RegularExpression(@"^[A-Za-z0-9-]{1,63}$")]
    public string ClusterId { get; set; } = "switchboard-dev";

    [Required, RegularExpression(@"^[A-Za-z0-9-]{1,63}$")]
    public string ServiceId { get; set; } = "switchboard";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The silo port of the first silo, which others join (localhost clustering). Defaults to <see cref="SiloPort"/>.</summary>
    [Range(1, 65535)]
    public int? PrimarySiloPort { get; set; }

    /// <summary>Gateways a client-mode API host connects to. Defaults to <see cref="GatewayPort"/>.</summary>
    public int[]? GatewayPorts { get; set; }

    /// <summary>
    /// How often a client-mode API host reads the silos' gateways from the membership table (Orleans' own default is a
    /// minute): a host that knew only gateways that have since been replaced would lose its cluster connection, and
    /// every socket would resync, until its next read.
    /// </summary>
    [Range(1, 300)]
    public int GatewayRefreshSeconds { get; set; } = 5;

    /// <summary>
    /// The address a silo advertises to other silos and clients when they meet through the membership table
    /// (<c>Storage:Provider=AzureTables</c>): an IP address, or <c>auto</c> for this machine's own non-loopback IPv4
    /// address (a container's). Any address but loopback also makes the silo listen on all interfaces.
    /// </summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
