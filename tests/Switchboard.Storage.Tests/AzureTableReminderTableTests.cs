using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Support;

using Switchboard.TestSupport;

namespace Switchboard.Storage.Tests;

/// <summary>What is particular to <see cref="AzureTableReminderTable"/>: its key layout, its options and its registration.</summary>
public sealed class AzureTableReminderTableTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Rows_are_keyed_by_service_and_eight_upper_case_hex_digits_of_the_grain_hash_and_keep_their_fields_in_clear()
    {
        var tableName = AzuriteFixture.NewTableName("rem");
        var table = Create(tableName, "my/service");
        var grainId = GrainId.Create("reminder-test", "g#1");
        await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "a|b", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });

        var row = Assert.Single(await TestStorage.AllRowsAsync(fixture, tableName));

        Assert.Equal("my%2Fservice_" + grainId.GetUniformHashCode().ToString("X8", System.Globalization.CultureInfo.InvariantCulture), row.PartitionKey);
        Assert.Equal("reminder-test%2Fg%231|a%7Cb", row.RowKey);
        Assert.Equal("my/service", row.GetString(nameof(ReminderRowEntity.ServiceId)));
        Assert.Equal(grainId.ToString(), row.GetString(nameof(ReminderRowEntity.GrainId)));
        Assert.Equal("a|b", row.GetString(nameof(ReminderRowEntity.ReminderName)));
        Assert.Equal((long)grainId.GetUniformHashCode(), row.GetInt64(nameof(ReminderRowEntity.GrainHash)));
    }

    [Fact]
    public async Task StartAsync_creates_the_table()
    {
        var tableName = AzuriteFixture.NewTableName("rem");

        await Create(tableName, "svc").StartAsync();

        Assert.True(await TestStorage.TableExistsAsync(fixture, tableName));
    }

    [Fact]
    public void Defaults_and_validation_name_the_offending_setting()
    {
        Assert.Equal("SwitchboardReminders", new AzureTableReminderOptions().TableName);

        Assert.Contains("ConnectionString", Invalid(new AzureTableReminderOptions { ServiceId = "s" }), StringComparison.Ordinal);
        Assert.Contains("ConnectionString", Invalid(new AzureTableReminderOptions { ConnectionString = "nonsense", ServiceId = "s" }), StringComparison.Ordinal);
        Assert.Contains("TableName", Invalid(new AzureTableReminderOptions { ConnectionString = fixture.ConnectionString, ServiceId = "s", TableName = "1bad" }), StringComparison.Ordinal);
        Assert.Contains("ServiceId", Invalid(new AzureTableReminderOptions { ConnectionString = fixture.ConnectionString }), StringComparison.Ordinal);
        Assert.Contains("ServiceId", Invalid(new AzureTableReminderOptions { ConnectionString = fixture.ConnectionString, ServiceId = new string('/', 200) }), StringComparison.Ordinal);
        new AzureTableReminderOptionsValidator(new AzureTableReminderOptions { TableServiceClient = new TableServiceClient(fixture.ConnectionString), ServiceId = "s" }).ValidateConfiguration();
    }

    [Fact]
    public void UseAzureTableReminderService_registers_the_table_and_the_reminder_service_with_the_silo_service_id()
    {
        var tableName = AzuriteFixture.NewTableName("rem");
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<ClusterOptions>(options => options.ServiceId = "silo-service");

        services.UseAzureTableReminderService(options =>
        {
            options.ConnectionString = fixture.ConnectionString;
            options.TableName = tableName;
        });

        using var provider = services.BuildServiceProvider();
        var table = Assert.IsType<AzureTableReminderTable>(provider.GetRequiredService<IReminderTable>());
        Assert.Equal("silo-service", table.ServiceId);
        Assert.Equal(tableName, table.TableName);
        Assert.Contains(provider.GetServices<IConfigurationValidator>(), validator => validator is AzureTableReminderOptionsValidator);
        Assert.Contains(services, d => d.ServiceType == typeof(Orleans.Timers.IReminderRegistry));
    }

    [Fact]
    public async Task A_silo_using_it_starts_its_reminder_service_which_creates_the_table()
    {
        var tableName = AzuriteFixture.NewTableName("rem");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next(), serviceId: "silo-service", clusterId: "reminder-tests");
            silo.UseAzureTableReminderService(options =>
            {
                options.ConnectionString = fixture.ConnectionString;
                options.TableName = tableName;
            });
        });
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            Assert.True(await TestStorage.TableExistsAsync(fixture, tableName));
            var table = Assert.IsType<AzureTableReminderTable>(host.Services.GetRequiredService<IReminderTable>());
            Assert.Equal("silo-service", table.ServiceId);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    private AzureTableReminderTable Create(string tableName, string serviceId) =>
        new(new AzureTableReminderOptions { ConnectionString = fixture.ConnectionString, TableName = tableName, ServiceId = serviceId }, NullLogger<AzureTableReminderTable>.Instance);

    private static string Invalid(AzureTableReminderOptions options) =>
        Assert.Throws<OrleansConfigurationException>(() => new AzureTableReminderOptionsValidator(options).ValidateConfiguration()).Message;
}
