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
using Switchboard.Contracts;
using Switchboard.Hosting;

namespace Switchboard.Storage.Tests;

/// <summary>
/// <c>Storage:Provider=AzureTables</c> puts grain state, membership and reminders on Orleans' Azure Table providers, as
/// the conformance suites test them. The hosts are built, never started: nothing here touches a table.
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
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.UseOrleansClient(client => client.AddSwitchboardClient(builder.Configuration));
        using var host = builder.Build();

        var gateways = host.Services.GetRequiredService<IGatewayListProvider>();
        var options = host.Services.GetRequiredService<IOptions<AzureStorageGatewayOptions>>().Value;

        Assert.Equal("Orleans.AzureUtils.AzureGatewayListProvider", gateways.GetType().FullName);
        Assert.Equal("WiringMembership", options.TableName);
        Assert.NotNull(options.TableServiceClient);
    }

    private static IHost BuildSilo()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.UseOrleans(silo => silo.AddSwitchboardSilo(builder.Configuration));
        return builder.Build();
    }
}
