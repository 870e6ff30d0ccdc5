using Switchboard.Contracts;
using Switchboard.Contracts.Preferences;

namespace Switchboard.Grains.Tests;

/// <summary>An agent's favorites and recents: ordered, bounded, idempotent, durable, and unchanged by a failed write.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PreferencesTests(ClusterFixture fixture)
{
    private readonly IClusterClient client = fixture.Client;

    [Fact]
    public async Task Favorites_are_newest_first_idempotent_and_survive_deactivation()
    {
        var preferences = Preferences(TestIds.Tenant());
        var first = await preferences.AddFavorite(DirectoryKind.Queue, "support");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await preferences.AddFavorite(DirectoryKind.Agent, "a2");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var again = await preferences.AddFavorite(DirectoryKind.Queue, "support");
        // The same id as another kind is another favorite.
        var sameIdOtherKind = await preferences.AddFavorite(DirectoryKind.Agent, "support");

        Assert.Equal(AddFavoriteOutcome.Added, first.Outcome);
        Assert.Equal(AddFavoriteOutcome.Added, second.Outcome);
        Assert.Equal(new AddFavoriteResult(AddFavoriteOutcome.AlreadyFavorite, first.Favorite), again);
        Assert.Equal(AddFavoriteOutcome.Added, sameIdOtherKind.Outcome);
        IReadOnlyList<FavoriteEntry> expected = [sameIdOtherKind.Favorite!, second.Favorite!, first.Favorite!];
        Assert.Equal(expected, await preferences.GetFavorites());

        await fixture.DeactivateAllAsync(preferences);

        Assert.Equal(expected, await preferences.GetFavorites());
        Assert.True(await preferences.RemoveFavorite(DirectoryKind.Agent, "a2"));
        Assert.False(await preferences.RemoveFavorite(DirectoryKind.Agent, "a2"));
        await fixture.DeactivateAllAsync(preferences);
        Assert.Equal([sameIdOtherKind.Favorite!, first.Favorite!], await preferences.GetFavorites());
    }

    [Fact]
    public async Task Favorites_stop_at_the_limit()
    {
        var preferences = Preferences(TestIds.Tenant());
        for (var i = 0; i < IAgentPreferencesGrain.MaxFavorites; i++)
        {
            Assert.Equal(AddFavoriteOutcome.Added, (await preferences.AddFavorite(DirectoryKind.Agent, $"a{i}")).Outcome);
        }

        Assert.Equal(new AddFavoriteResult(AddFavoriteOutcome.LimitReached, null), await preferences.AddFavorite(DirectoryKind.Queue, "one-more"));
        Assert.Equal(AddFavoriteOutcome.AlreadyFavorite, (await preferences.AddFavorite(DirectoryKind.Agent, "a7")).Outcome);
        Assert.Equal(IAgentPreferencesGrain.MaxFavorites, (await preferences.GetFavorites()).Count);
    }

    [Fact]
    public async Task A_failed_write_leaves_favorites_as_they_were()
    {
        var tenant = TestIds.Tenant();
        var preferences = Preferences(tenant);
        var kept = (await preferences.AddFavorite(DirectoryKind.Queue, "support")).Favorite!;

        using (fixture.Faults.FailWrites(GrainKeys.Agent(tenant, "a1"), "preferences"))
        {
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => preferences.AddFavorite(DirectoryKind.Agent, "a2"));
            await Assert.ThrowsAsync<InjectedStorageFaultException>(() => preferences.RemoveFavorite(DirectoryKind.Queue, "support"));
        }

        Assert.Equal([kept], await preferences.GetFavorites());
        await fixture.DeactivateAllAsync(preferences);
        Assert.Equal([kept], await preferences.GetFavorites());
    }

    [Fact]
    public async Task Recents_are_newest_first_move_to_the_front_when_seen_again_are_bounded_and_survive_deactivation()
    {
        var preferences = Preferences(TestIds.Tenant());
        var t0 = ClusterFixture.Start;
        for (var i = 0; i < IAgentPreferencesGrain.MaxRecents + 5; i++)
        {
            await preferences.RecordRecent(DirectoryKind.Queue, $"q{i}", t0.AddSeconds(i));
        }

        await preferences.RecordRecent(DirectoryKind.Agent, "a2", t0.AddSeconds(1));
        await preferences.RecordRecent(DirectoryKind.Agent, "a3", t0.AddSeconds(2));
        await preferences.RecordRecent(DirectoryKind.Agent, "a2", t0.AddSeconds(3));
        // Reports that cross: an older one never hides a newer one, and lands in time order.
        await preferences.RecordRecent(DirectoryKind.Agent, "a3", t0.AddSeconds(1));
        await preferences.RecordRecent(DirectoryKind.Agent, "a4", t0.AddSeconds(2.5));

        // The calls are one way: the result holds in whatever order they arrive, once they all have.
        IReadOnlyList<RecentEntry> queues = [.. Enumerable.Range(5, IAgentPreferencesGrain.MaxRecents).Reverse().Select(i => new RecentEntry($"q{i}", t0.AddSeconds(i)))];
        IReadOnlyList<RecentEntry> agents = [new("a2", t0.AddSeconds(3)), new("a4", t0.AddSeconds(2.5)), new("a3", t0.AddSeconds(2))];
        var recents = await UntilRecents(preferences, r => r.Agents.SequenceEqual(agents) && r.Queues.SequenceEqual(queues));
        Assert.Equal(queues, recents.Queues);
        Assert.Equal(agents, recents.Agents);

        await fixture.DeactivateAllAsync(preferences);

        var after = await preferences.GetRecents();
        Assert.Equal(recents.Queues, after.Queues);
        Assert.Equal(agents, after.Agents);
    }

    private static async Task<RecentsView> UntilRecents(IAgentPreferencesGrain preferences, Func<RecentsView, bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var recents = await preferences.GetRecents();
            if (condition(recents))
            {
                return recents;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Recents never arrived: {string.Join(", ", recents.Agents)}");
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }

    private IAgentPreferencesGrain Preferences(string tenant) => client.GetGrain<IAgentPreferencesGrain>(GrainKeys.Agent(tenant, "a1"));
}
