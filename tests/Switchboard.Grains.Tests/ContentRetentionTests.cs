using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Content;
using Switchboard.Storage.Content;

namespace Switchboard.Grains.Tests;

/// <summary>
/// The sweeper deletes interactions' content of the days past retention (90 days by default), keeps younger days and
/// agents' own recordings, and registers its reminder once however many silos start it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ContentRetentionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Days_past_retention_are_deleted_and_younger_content_and_recordings_are_kept()
    {
        var now = fixture.Time.GetUtcNow();
        var tenant = TestIds.Tenant();
        var old = ContentNames.OfInteraction(now.AddDays(-91), tenant, "em_old", "in-1");
        var oldToo = ContentNames.OfInteraction(now.AddDays(-200), tenant, "em_older", "in-1");
        var edge = ContentNames.OfInteraction(now.AddDays(-90), tenant, "em_edge", "in-1");
        var fresh = ContentNames.OfInteraction(now, tenant, "em_new", "in-1");
        var greeting = ContentNames.OfAgent(tenant, "ada", "greeting");
        foreach (var name in new[] { old, oldToo, edge, fresh, greeting })
        {
            await fixture.Content.PutAsync(name, new MemoryStream([1, 2, 3]), "application/octet-stream", TestContext.Current.CancellationToken);
        }

        var swept = await fixture.Client.GetGrain<IContentRetentionGrain>(IContentRetentionGrain.Key).Sweep(TestContext.Current.CancellationToken);

        Assert.Contains(DateOnly.FromDateTime(now.AddDays(-91).UtcDateTime), swept);
        Assert.Contains(DateOnly.FromDateTime(now.AddDays(-200).UtcDateTime), swept);
        Assert.Null(await fixture.Content.OpenAsync(old, TestContext.Current.CancellationToken));
        Assert.Null(await fixture.Content.OpenAsync(oldToo, TestContext.Current.CancellationToken));
        foreach (var kept in new[] { edge, fresh, greeting })
        {
            await using var stream = await fixture.Content.OpenAsync(kept, TestContext.Current.CancellationToken);
            Assert.NotNull(stream);
        }

        // A day later the edge day is past too.
        fixture.Time.Advance(TimeSpan.FromDays(1));
        await fixture.Client.GetGrain<IContentRetentionGrain>(IContentRetentionGrain.Key).Sweep(TestContext.Current.CancellationToken);
        Assert.Null(await fixture.Content.OpenAsync(edge, TestContext.Current.CancellationToken));
        await using var freshStill = await fixture.Content.OpenAsync(fresh, TestContext.Current.CancellationToken);
        Assert.NotNull(freshStill);
    }

    [Fact]
    public async Task The_sweep_reminder_is_registered_once_however_often_it_is_started()
    {
        var sweeper = fixture.Client.GetGrain<IContentRetentionGrain>(IContentRetentionGrain.Key);
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();

        await sweeper.Start(TestContext.Current.CancellationToken);
        var first = Assert.Single((await table.ReadRows(sweeper.GetGrainId())).Reminders);
        await sweeper.Start(TestContext.Current.CancellationToken);
        var second = Assert.Single((await table.ReadRows(sweeper.GetGrainId())).Reminders);

        Assert.Equal(("sweep", TimeSpan.FromHours(1)), (first.ReminderName, first.Period));
        Assert.Equal((first.StartAt, first.ETag), (second.StartAt, second.ETag));
    }
}
