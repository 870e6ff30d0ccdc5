using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Reminders.AzureStorage;
using Orleans.Runtime.ReminderService;
using Orleans.Storage;
using Orleans.Streams;
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Storage.Tests;

/// <summary>
/// <c>Storage:Provider=AzureTables</c> puts grain state, membership and reminders on Orleans' Azure Table providers, as
/// the conformance suites test them, and the live streams on Orleans' Azure Queue provider. The hosts are built, never
/// started: nothing here touches a table or a queue.
/// </summary>
public sealed class AzureTablesWiringTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Storage:Provider"] = "AzureTables",
        ["ConnectionStrings:AzureStorage"] = "UseDevelopmentStorage=true",
        ["Storage:GrainStateTable"] = "WiringGrainState",
        ["Storage:MembershipTable"] = "WiringMembership",
        ["Storage:RemindersTable"] = "WiringReminders",
        ["Orleans:ServiceId"] = "wiring-service",
        ["Orleans:ClusterId"] = "wiring-cluster",
    };

    [Fact]
    public void A_silo_stores_grain_and_pub_sub_state_with_Orleans_table_storage_in_Orleans_binary_format()
    {
        using var silo = BuildSilo();

        var options = silo.Services.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>();
        foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
        {
            Assert.IsType<AzureTableGrainStorage>(silo.Services.GetRequiredKeyedService<IGrainStorage>(name));
            Assert.IsType<OrleansGrainStorageSerializer>(options.Get(name).GrainStorageSerializer);
            Assert.Equal("WiringGrainState", options.Get(name).TableName);
            Assert.False(options.Get(name).DeleteStateOnClear);
        }

        Assert.NotNull(options.Get(StorageNames.Default).TableServiceClient);
        Assert.Equal("wiring-service", silo.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId);
    }

    [Fact]
    public void A_silo_keeps_membership_and_reminders_in_Orleans_tables()
    {
        using var silo = BuildSilo();

        var membership = silo.Services.GetRequiredService<IMembershipTable>();
        var clustering = silo.Services.GetRequiredService<IOptions<AzureStorageClusteringOptions>>().Value;
        var reminders = silo.Services.GetRequiredService<IOptions<AzureTableReminderStorageOptions>>().Value;

        Assert.Equal("Orleans.Runtime.MembershipService.AzureBasedMembershipTable", membership.GetType().FullName);
        Assert.Equal("WiringMembership", clustering.TableName);
        Assert.NotNull(clustering.TableServiceClient);
        Assert.IsType<AzureBasedReminderTable>(silo.Services.GetRequiredService<IReminderTable>());
        Assert.Equal("WiringReminders", reminders.TableName);
        Assert.NotNull(reminders.TableServiceClient);
    }

    [Fact]
    public void A_client_finds_its_gateways_in_the_membership_table()
    {
        using var host = BuildClient();

        var gateways = host.Services.GetRequiredService<IGatewayListProvider>();
        var options = host.Services.GetRequiredService<IOptions<AzureStorageGatewayOptions>>().Value;

        Assert.Equal("Orleans.AzureUtils.AzureGatewayListProvider", gateways.GetType().FullName);
        Assert.Equal("WiringMembership", options.TableName);
        Assert.NotNull(options.TableServiceClient);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void Silos_and_clients_carry_the_live_streams_on_the_same_Azure_queues_unless_told_not_to(string? setting)
    {
        (string, string)[] extra = setting is null ? [] : [("Storage:LiveEventsOnAzureQueues", setting)];
        using var silo = BuildSilo([.. extra, ("Storage:LiveQueueCount", "3"), ("Storage:LiveQueuePollMilliseconds", "25")]);
        using var client = BuildClient([.. extra, ("Storage:LiveQueueCount", "3")]);

        string[] expected = ["wiring-service-live-0", "wiring-service-live-1", "wiring-service-live-2"];
        foreach (var host in new[] { silo, client })
        {
            var queues = host.Services.GetRequiredService<IOptionsMonitor<AzureQueueOptions>>().Get(StreamNames.Provider);
            Assert.Equal(expected, queues.QueueNames);
            Assert.NotNull(queues.QueueServiceClient);
            Assert.Equal("Orleans.Providers.Streams.AzureQueue.AzureQueueAdapterFactory",
                host.Services.GetRequiredKeyedService<IQueueAdapterFactory>(StreamNames.Provider).GetType().FullName);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(25),
            silo.Services.GetRequiredService<IOptionsMonitor<StreamPullingAgentOptions>>().Get(StreamNames.Provider).GetQueueMsgsTimerPeriod);
    }

    [Fact]
    public void Told_not_to_live_streams_stay_memory_streams()
    {
        using var silo = BuildSilo(("Storage:LiveEventsOnAzureQueues", "false"));
        using var client = BuildClient(("Storage:LiveEventsOnAzureQueues", "false"));

        foreach (var host in new[] { silo, client })
        {
            Assert.Equal("Orleans.Providers.MemoryAdapterFactory`1",
                host.Services.GetRequiredKeyedService<IQueueAdapterFactory>(StreamNames.Provider).GetType().GetGenericTypeDefinition().FullName);
        }
    }

    [Theory]
    [InlineData("-svc")]
    [InlineData("a--b")]
    [InlineData("Prod")]
    [InlineData("a-very-long-service-id-that-leaves-no-room-for-the-queue-suffix")]
    public void A_service_id_that_makes_no_valid_queue_name_is_refused_at_start_up_with_a_clear_message(string serviceId)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            BuildSilo(("Orleans:ServiceId", serviceId)).Dispose());
        Assert.Contains(serviceId, error.Message, StringComparison.Ordinal);
        Assert.Contains("queue name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_events_on_Azure_queues_without_Azure_Tables_are_refused_at_start_up()
    {
        var settings = new Dictionary<string, string?> { ["Storage:LiveEventsOnAzureQueues"] = "true" };
        var silo = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        silo.Configuration.AddInMemoryCollection(settings);
        var error = Assert.Throws<InvalidOperationException>(() => silo.UseOrleans(s => s.AddSwitchboardSilo(silo.Configuration)));
        Assert.Contains("Storage:Provider=AzureTables", error.Message, StringComparison.Ordinal);

        var client = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        client.Configuration.AddInMemoryCollection(settings);
        Assert.Throws<InvalidOperationException>(() => client.UseOrleansClient(c => c.AddSwitchboardClient(client.Configuration)));
    }

    private static IHost BuildClient(params (string Key, string Value)[] extra)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Configuration.AddInMemoryCollection(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        builder.UseOrleansClient(client => client.AddSwitchboardClient(builder.Configuration));
        return builder.Build();
    }

    private static IHost BuildSilo(params (string Key, string Value)[] extra)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Configuration.AddInMemoryCollection(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)));
        builder.UseOrleans(silo => silo.AddSwitchboardSilo(builder.Configuration));
        return builder.Build();
    }
}
