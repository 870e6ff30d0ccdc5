using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Hosting;
using Switchboard.TestSupport;

namespace Switchboard.Cluster.Tests;

/// <summary>A Switchboard silo on Azurite in the test process, for proofs that need test grains living here.</summary>
internal static class InProcessSilo
{
    public static async Task<IHost> StartAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        var settings = ClusterClient.Settings(connectionString, clusterId);
        settings["Orleans:SiloPort"] = FreePorts.NextText();
        settings["Orleans:GatewayPort"] = FreePorts.NextText();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.AddSwitchboardSilo(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }
}
