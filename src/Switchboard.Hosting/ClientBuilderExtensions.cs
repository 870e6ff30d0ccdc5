using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting;

public static class ClientBuilderExtensions
{
    /// <summary>Configures an Orleans client of separate Switchboard silos on this machine.</summary>
    public static IClientBuilder AddSwitchboardClient(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = OptionsReader.Read<SwitchboardClusterOptions>(configuration, SwitchboardClusterOptions.Section);
        client.UseLocalhostClustering(cluster.GatewayPorts is { Length: > 0 } ports ? ports : [cluster.GatewayPort], cluster.ServiceId, cluster.ClusterId);
        return client;
    }
}
