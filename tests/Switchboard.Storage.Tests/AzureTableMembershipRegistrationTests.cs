using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;
using Orleans.Runtime;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Support;

using Switchboard.TestSupport;

namespace Switchboard.Storage.Tests;

/// <summary><c>UseAzureTableClustering</c> in a real silo and a real client on Azurite.</summary>
public sealed class AzureTableMembershipRegistrationTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Membership_silo_joins_through_the_table_and_a_client_finds_it_as_a_gateway()
    {
        var table = AzuriteFixture.NewTableName("m");
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var gatewayPort = FreePorts.Next();
        var ct = TestContext.Current.CancellationToken;
        using var silo = BuildSilo(clusterId, gatewayPort, options =>
        {
            options.ConnectionString = fixture.ConnectionString;
            options.TableName = table;
        });
        await silo.StartAsync(ct);
        try
        {
            var membership = Assert.IsType<AzureTableMembershipTable>(silo.Services.GetRequiredService<IMembershipTable>());
            Assert.Equal(table, membership.TableName);
            var data = await membership.ReadAllAsync(ct);
            var entry = Assert.Single(data.Members).Item1;
            Assert.Equal(SiloStatus.Active, entry.Status);
            Assert.Equal(gatewayPort, entry.ProxyPort);

            using var client = BuildClient(clusterId, options =>
            {
                options.ConnectionString = fixture.ConnectionString;
                options.TableName = table;
            });
            await client.StartAsync(ct);
            try
            {
                var gateways = client.Services.GetRequiredService<IGatewayListProvider>();
                Assert.IsType<AzureTableGatewayListProvider>(gateways);
                Assert.Equal(entry.SiloAddress.Endpoint.Address, Assert.Single(await gateways.GetGatewaysAsync(ct)).ToIPEndPoint()?.Address);
                var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
                Assert.Equal(entry.SiloAddress, Assert.Single(hosts).Key);
            }
            finally
            {
                await client.StopAsync(ct);
            }
        }
        finally
        {
            await silo.StopAsync(ct);
        }
    }

    [Fact]
    public async Task Invalid_options_stop_the_silo_from_starting_with_a_clear_error()
    {
        using var silo = BuildSilo("cluster", FreePorts.Next(), options =>
        {
            options.ConnectionString = fixture.ConnectionString;
            options.TableName = "not-a-table-name";
        });

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => silo.StartAsync(TestContext.Current.CancellationToken));

        var configuration = Assert.IsType<OrleansConfigurationException>(exception is AggregateException aggregate ? aggregate.InnerException : exception);
        Assert.Contains("TableName", configuration.Message, StringComparison.Ordinal);
    }

    private static IHost BuildSilo(string clusterId, int gatewayPort, Action<AzureTableClusteringOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = "svc";
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, FreePorts.Next(), gatewayPort);
            silo.UseAzureTableClustering(configure);
        });
        return builder.Build();
    }

    private static IHost BuildClient(string clusterId, Action<AzureTableClusteringOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = "svc";
            });
            client.UseAzureTableClustering(configure);
        });
        return builder.Build();
    }
}
