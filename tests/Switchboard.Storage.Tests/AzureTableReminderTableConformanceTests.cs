using Azure;
using Switchboard.Storage.Tests.Azurite;
using Switchboard.Storage.Tests.Conformance;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests;

/// <summary>
/// The reminder table conformance suite against Orleans' <c>AzureBasedReminderTable</c> on Azurite (one table per
/// test), and the names and times it cannot keep as given, asserted as they are.
/// </summary>
/// <remarks>
/// A row's key is <c>{grainId}-{reminderName}</c> with <c>/ \ # ?</c> replaced by <c>_</c>. Switchboard's reminder
/// names are a few fixed, plain constants, one per grain class, so none of the limits below reach it.
/// </remarks>
public sealed class AzureTableReminderTableConformanceTests(AzuriteFixture fixture) : ReminderTableConformanceTests
{
    private readonly string tableName = AzuriteFixture.NewTableName("rem");

    protected override IReminderTable CreateTable(string serviceId) =>
        OfficialProviders.CreateReminderTable(OfficialProviders.Client(fixture), tableName, serviceId);

    [Fact]
    public async Task StartAsync_creates_the_table()
    {
        await StartAsync();

        Assert.True(await RawTables.ExistsAsync(fixture, tableName));
    }

    [Fact]
    public async Task Start_times_come_back_to_the_millisecond_and_of_no_kind()
    {
        // The row keeps the time as text, in UTC to the millisecond, and it is parsed back as DateTimeKind.Unspecified.
        // Workaround: none needed; Switchboard's grains never read a reminder's start time, only Orleans' service does.
        var table = await StartAsync();
        var grainId = NewGrainId();
        var precise = new DateTime(2026, 11, 25, 10, 11, 12, DateTimeKind.Utc).AddTicks(1_234_567);

        await table.UpsertRow(new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = precise, Period = TimeSpan.FromMinutes(1) });

        var startAt = (await table.ReadRow(grainId, "r"))!.StartAt;
        Assert.Equal(new DateTime(2026, 11, 25, 10, 11, 12, 123), startAt);
        Assert.Equal(DateTimeKind.Unspecified, startAt.Kind);
    }

    [Fact]
    public async Task Names_that_differ_only_in_slash_backslash_hash_or_question_mark_share_one_row()
    {
        var table = await StartAsync();
        var grainId = NewGrainId();
        await table.UpsertRow(NewEntry(grainId, "a/b\\c#d?e", DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        await table.UpsertRow(NewEntry(grainId, "a_b_c_d_e", DateTime.UtcNow, TimeSpan.FromMinutes(2)));

        var read = await table.ReadRow(grainId, "a/b\\c#d?e");
        Assert.NotNull(read);
        Assert.Equal("a_b_c_d_e", read.ReminderName);
        Assert.Equal(TimeSpan.FromMinutes(2), read.Period);
        Assert.Single((await table.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task An_empty_name_is_stored_but_missing_from_the_grains_rows()
    {
        // The grain's rows are read as keys after "{grainId}-", which leaves out "{grainId}-" itself.
        var table = await StartAsync();
        var grainId = NewGrainId();
        await table.UpsertRow(NewEntry(grainId, string.Empty, DateTime.UtcNow, TimeSpan.FromMinutes(1)));

        Assert.NotNull(await table.ReadRow(grainId, string.Empty));
        Assert.Empty((await table.ReadRows(grainId)).Reminders);
        Assert.Contains((await table.ReadRows(0, 0)).Reminders, r => r.GrainId == grainId);
    }

    [Fact]
    public async Task Names_with_control_characters_are_refused_by_the_table()
    {
        var table = await StartAsync();

        var exception = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpsertRow(NewEntry(NewGrainId(), "\u0001\u0009\u007F\u0085", DateTime.UtcNow, TimeSpan.FromMinutes(1))));

        Assert.Equal(400, exception.Status);
    }

    [Fact]
    public async Task Keys_over_512_characters_are_refused_by_the_table_and_over_1023_by_the_provider()
    {
        var table = await StartAsync();
        var grainId = NewGrainId();
        var prefix = grainId + "-";

        await table.UpsertRow(NewEntry(grainId, new string('r', 512 - prefix.Length), DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        var byTable = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpsertRow(NewEntry(grainId, new string('r', 513 - prefix.Length), DateTime.UtcNow, TimeSpan.FromMinutes(1))));
        var byProvider = await Assert.ThrowsAsync<ArgumentException>(() =>
            table.UpsertRow(NewEntry(grainId, new string('r', 1024), DateTime.UtcNow, TimeSpan.FromMinutes(1))));

        Assert.Equal(400, byTable.Status);
        Assert.Contains("too long to be an Azure table key", byProvider.Message, StringComparison.Ordinal);
        Assert.Single((await table.ReadRows(grainId)).Reminders);
    }
}
