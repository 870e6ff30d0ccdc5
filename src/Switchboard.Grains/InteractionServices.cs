using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Switchboard.Domain.Interactions;
using Switchboard.Grains.Scheduling;
using Switchboard.Grains.Telephony;

namespace Switchboard.Grains;

/// <summary>What Switchboard grains need in a silo: their persisted state, deadlines, a telephony gateway, and the domain records' codec.</summary>
public static class InteractionServices
{
    public static IServiceCollection AddSwitchboardInteractions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<DeadlineScheduler>();
        services.AddMetrics();
        services.TryAddSingleton<Telemetry.SwitchboardMetrics>();
        services.TryAddSingleton<Live.LiveHostPush>();
        services.TryAddSingleton<Live.ILivePublisher, Live.StreamLivePublisher>();

        // The event history: in memory (day grains) unless the host registered a durable store first.
        services.TryAddSingleton<Contracts.Reports.IEventHistoryStore, Reports.MemoryEventHistory>();
        services.TryAddSingleton<Reports.EventHistoryWriter>();

        // Every grain's [PersistentState] is read and written on the grain's own turn (see TurnPersistentStateFactory).
        services.Replace(ServiceDescriptor.Singleton<IPersistentStateFactory, TurnPersistentStateFactory>());
        services.AddOptions<TelephonyOptions>();
        services.AddOptions<PlatformChanges.PlatformChangeOptions>();
        services.AddOptions<Tenancy.TenancyOptions>();
        services.AddOptions<Content.RetentionOptions>();
        services.AddOptions<Email.SmtpOptions>();
        services.TryAddSingleton<Email.IEmailSender, Email.SmtpEmailSender>();
        services.TryAddSingleton<Tenancy.TenantPolicies>();
        services.TryAddSingleton<ITelephonyGateway>(provider =>
            provider.GetRequiredService<IOptions<TelephonyOptions>>().Value.Mode == TelephonyMode.Carrier
                ? ActivatorUtilities.CreateInstance<CarrierTelephonyGateway>(provider)
                : ActivatorUtilities.CreateInstance<SimulatedTelephonyGateway>(provider));

        // Interaction records are plain domain records (no Orleans attributes): in grain state they travel as JSON.
        services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: type => type.Namespace == typeof(InteractionRecord).Namespace));
        return services;
    }
}
