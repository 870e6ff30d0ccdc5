using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime;
using Orleans.Storage;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

using Switchboard.TestSupport;

namespace Switchboard.Storage.Tests;

/// <summary><c>AddAzureTableGrainStorage</c> in a real (grain-less) silo: named like Orleans's own providers, table made at start, options checked.</summary>
public sealed class SiloRegistrationTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task The_named_provider_is_resolvable_its_table_exists_after_start_and_it_uses_the_silo_service_id()
    {
        var table = AzuriteFixture.NewTableName();
        using var host = BuildSilo("silo-service", silo => silo.AddAzureTableGrainStorage("agents", options =>
        {
            options.ConnectionString = fixture.ConnectionString;
            options.TableName = table;
        }));

        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            Assert.True(await TestStorage.TableExistsAsync(fixture, table));
            var storage = Assert.IsType<AzureTableGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("agents"));
            Assert.Contains(host.Services.GetServices<ILifecycleParticipant<ISiloLifecycle>>(), participant => ReferenceEquals(participant, storage));

            var grainId = GrainId.Create("agent", "a1");
            await storage.WriteStateAsync("state", grainId, new GrainState<TestState1> { State = new TestState1 { A = "via silo" } });
            var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));
            Assert.True(GrainStateKeys.TryDecodePartitionKey(row.PartitionKey, out var serviceId, out _));
            Assert.Equal("silo-service", serviceId);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public void Registered_as_Default_it_is_the_storage_of_grains_that_name_none()
    {
        using var host = BuildSilo("silo-service", silo => silo.AddAzureTableGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, options =>
        {
            options.ConnectionString = fixture.ConnectionString;
            options.TableName = AzuriteFixture.NewTableName();
        }));

        var keyed = host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

        Assert.IsType<AzureTableGrainStorage>(keyed);
        Assert.Same(keyed, GrainStorageHelpers.GetGrainStorage(typeof(object), host.Services));
    }

    [Fact]
    public async Task An_explicit_service_id_wins_over_the_silo_one()
    {
        var table = AzuriteFixture.NewTableName();
        using var host = BuildSilo("silo-service", silo => silo.AddAzureTableGrainStorage("agents", options =>
        {
            options.ConnectionString = fixture.ConnectionString;
            options.TableName = table;
            options.ServiceId = "explicit";
        }));

        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var storage = host.Services.GetRequiredKeyedService<IGrainStorage>("agents");
            await storage.WriteStateAsync("state", GrainId.Create("agent", "a1"), new GrainState<TestState1> { State = new TestState1() });
            var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, table));
            Assert.StartsWith("explicit|", row.PartitionKey, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Invalid_options_stop_the_silo_from_starting_with_a_clear_error()
    {
        using var host = BuildSilo("silo-service", silo => silo.AddAzureTableGrainStorage("agents", options =>
        {
            options.ConnectionString = fixture.ConnectionString;
            options.TableName = "not-a-table-name";
        }));

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var configuration = Assert.IsType<OrleansConfigurationException>(exception is AggregateException aggregate ? aggregate.InnerException : exception);
        Assert.Contains("'agents'", configuration.Message, StringComparison.Ordinal);
        Assert.Contains("TableName", configuration.Message, StringComparison.Ordinal);
    }

    private static IHost BuildSilo(string serviceId, Action<ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next(), serviceId: serviceId, clusterId: "storage-tests");
            configure(silo);
        });
        return builder.Build();
    }
}
