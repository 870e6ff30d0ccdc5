using Microsoft.Extensions.Logging.Abstractions;
using Orleans;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;

namespace Switchboard.Storage.Tests;

/// <summary>The reminder table conformance suite against <see cref="AzureTableReminderTable"/> on Azurite (one table per test).</summary>
public sealed class AzureTableReminderTableConformanceTests(AzuriteFixture fixture) : ReminderTableConformanceTests
{
    private readonly string tableName = AzuriteFixture.NewTableName("rem");

    protected override IReminderTable CreateTable(string serviceId) =>
        new AzureTableReminderTable(
            new AzureTableReminderOptions { ConnectionString = fixture.ConnectionString, TableName = tableName, ServiceId = serviceId },
            NullLogger<AzureTableReminderTable>.Instance);
}
