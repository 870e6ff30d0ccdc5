using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Switchboard.Storage;

/// <summary>Registration of <see cref="AzureTableReminderTable"/> in Orleans's naming style.</summary>
public static class AzureTableReminderExtensions
{
    /// <summary>
    /// Enables reminders on Azure Table Storage. As Orleans 10's <c>UseAzureTableReminderService</c> does, it adds the
    /// reminder service (<c>AddReminders</c>) and a singleton <see cref="IReminderTable"/>, which the reminder service starts
    /// (the table is created then). The options are validated when the silo starts; an empty <c>ServiceId</c> takes the silo's.
    /// </summary>
    public static ISiloBuilder UseAzureTableReminderService(this ISiloBuilder builder, Action<AzureTableReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.UseAzureTableReminderService(configure);
        return builder;
    }

    /// <inheritdoc cref="UseAzureTableReminderService(ISiloBuilder, Action{AzureTableReminderOptions})"/>
    public static IServiceCollection UseAzureTableReminderService(this IServiceCollection services, Action<AzureTableReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddReminders();
        services.AddOptions<AzureTableReminderOptions>()
            .Configure(configure)
            .PostConfigure<IOptions<ClusterOptions>>((options, cluster) =>
            {
                if (string.IsNullOrWhiteSpace(options.ServiceId))
                {
                    options.ServiceId = cluster.Value.ServiceId;
                }
            });
        services.AddTransient<IConfigurationValidator>(provider =>
            new AzureTableReminderOptionsValidator(provider.GetRequiredService<IOptions<AzureTableReminderOptions>>().Value));
        services.AddSingleton<IReminderTable>(provider =>
            new AzureTableReminderTable(
                provider.GetRequiredService<IOptions<AzureTableReminderOptions>>().Value,
                provider.GetRequiredService<ILogger<AzureTableReminderTable>>()));
        return services;
    }
}
