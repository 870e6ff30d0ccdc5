using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration.Overrides;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;

namespace Switchboard.Storage;

/// <summary>Registration of <see cref="AzureTableGrainStorage"/> in Orleans's naming style.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds a named grain storage provider on Azure Table Storage. Like <c>AddMemoryGrainStorage</c> in Orleans 10 it is a
    /// keyed <see cref="Orleans.Storage.IGrainStorage"/> singleton that also joins the silo lifecycle (the table is created
    /// at start-up), and the options are validated when the silo starts. An empty <c>ServiceId</c> takes the silo's.
    /// </summary>
    public static ISiloBuilder AddAzureTableGrainStorage(this ISiloBuilder builder, string name, Action<AzureTableGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAzureTableGrainStorage(name, configure);
        return builder;
    }

    /// <inheritdoc cref="AddAzureTableGrainStorage(ISiloBuilder, string, Action{AzureTableGrainStorageOptions})"/>
    public static IServiceCollection AddAzureTableGrainStorage(this IServiceCollection services, string name, Action<AzureTableGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<AzureTableGrainStorageOptions>(name)
            .Configure(configure)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                if (string.IsNullOrWhiteSpace(options.ServiceId))
                {
                    options.ServiceId = provider.GetProviderClusterOptions(name).Value.ServiceId;
                }
            });
        services.AddTransient<IConfigurationValidator>(provider =>
            new AzureTableGrainStorageOptionsValidator(provider.GetRequiredService<IOptionsMonitor<AzureTableGrainStorageOptions>>().Get(name), name));
        services.AddGrainStorage(name, static (provider, providerName) =>
            ActivatorUtilities.CreateInstance<AzureTableGrainStorage>(
                provider,
                providerName,
                provider.GetRequiredService<IOptionsMonitor<AzureTableGrainStorageOptions>>().Get(providerName)));
        return services;
    }
}
