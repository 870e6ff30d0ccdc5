using Switchboard.Api.Live;
using Switchboard.Hosting;

namespace Switchboard.Api.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>Co-hosts a silo (the embedded default) or connects to separate silos, per <c>Orleans:Mode</c>.</summary>
    public static SwitchboardClusterOptions AddSwitchboardOrleans(this WebApplicationBuilder builder)
    {
        var cluster = OptionsReader.Read<SwitchboardClusterOptions>(builder.Configuration, SwitchboardClusterOptions.Section);
        var dashboard = SwitchboardTelemetry.Dashboard(builder.Configuration, builder.Environment);
        if (cluster.Mode == HostingMode.Client)
        {
            builder.UseOrleansClient(client => client.AddSwitchboardClient(builder.Configuration, dashboard));
            builder.Services.AddSingleton<IClusterConnectionStatusObserver, LiveClusterObserver>();
        }
        else
        {
            builder.UseOrleans(silo => silo.AddSwitchboardSilo(builder.Configuration, embedded: true, dashboard));
        }

        return cluster;
    }
}
