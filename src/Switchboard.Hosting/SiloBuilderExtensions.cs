using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Grains;

namespace Switchboard.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>Configures a Switchboard silo from configuration: clustering, storage, time.</summary>
    public static ISiloBuilder AddSwitchboardSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = OptionsReader.Read<SwitchboardClusterOptions>(configuration, SwitchboardClusterOptions.Section);
        var storage = OptionsReader.Read<StorageOptions>(configuration, StorageOptions.Section);

        // Loopback only: otherwise Orleans advertises the machine's other address.
        silo.UseLocalhostClustering(
            cluster.SiloPort,
            cluster.GatewayPort,
            cluster.PrimarySiloPort is { } primary && primary != cluster.SiloPort ? new IPEndPoint(IPAddress.Loopback, primary) : null,
            cluster.ServiceId,
            cluster.ClusterId);
        silo.AddSwitchboardStorage(storage);
        silo.Services.TryAddKeyedSingleton(SwitchboardClock.ServiceKey, TimeProvider.System);
        return silo;
    }

    /// <summary>Registers the one named grain storage (and pub/sub storage) on the configured provider.</summary>
    public static ISiloBuilder AddSwitchboardStorage(this ISiloBuilder silo, StorageOptions storage)
    {
        switch (storage.Provider)
        {
            case StorageProvider.Memory:
                foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
                {
                    silo.AddMemoryGrainStorage(name);

                    // Orleans' binary serializer, not the default Newtonsoft JSON one: it was a fifth of the CPU of an agent-state PUT.
                    silo.Services.AddOptions<MemoryGrainStorageOptions>(name)
                        .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
                }

                break;
            default:
                throw new InvalidOperationException($"Storage provider '{storage.Provider}' is not supported.");
        }

        return silo;
    }
}
