using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Live behaviour on the business clock: coalesced queue figures, heartbeats, the resume window.</summary>
[Collection(ClockCollection.Name)]
public sealed class LiveClockTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Queue_figures_are_pushed_at_most_once_a_second_with_the_latest_values()
    {
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await live.SubscribeAsync("queue:support");
        await live.NextOfTypeAsync("snapshot", "queue:support");

        // A quiet second: the next change goes out at once.
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var now = factory.Clock.GetUtcNow();
        using var admin = tenant.Admin();
        var ids = new List<string> { (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id") };
        await live.NextAsync(m => m.TextOrNull("type") == LiveEventTypes.QueueStats && m["at"]!.GetValue<DateTimeOffset>() == now, "the first change's figures");
        await admin.WaitForOfferAsync(ids[0], "a1");

        // Two more calls within the same second (both wait: a1 has the first): nothing until the second is over...
        var afterFirst = live.Received.Count;
        for (var i = 0; i < 2; i++)
        {
            ids.Add((await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id"));
        }

        await Until(async () => (await admin.GetOkJsonAsync("/v1/queues/support/stats")).Number("waiting") == 2);
        await Pong(live);
        Assert.DoesNotContain(live.Received.Skip(afterFirst), m => m.TextOrNull("type") == LiveEventTypes.QueueStats);

        // ...then one message with the latest figures.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var latest = await live.NextOfTypeAsync(LiveEventTypes.QueueStats, "queue:support");
        Assert.Equal(2, latest["data"]!.Number("waiting"));
        Assert.Equal(3, latest["data"]!["today"]!.Number("offered"));

        // Nothing changed since: nothing more is pushed.
        var afterLatest = live.Received.Count;
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Pong(live);
        Assert.DoesNotContain(live.Received.Skip(afterLatest), m => m.TextOrNull("type") == LiveEventTypes.QueueStats);
    }

    [Fact]
    public async Task An_idle_socket_gets_heartbeats_and_a_busy_one_does_not()
    {
        var tenant = await factory.CreateTenantAsync();
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        var period = TimeSpan.FromSeconds(live.Welcome["heartbeatSeconds"]!.GetValue<int>());

        factory.Clock.Advance(period); // the welcome was sent in this period: no heartbeat yet
        factory.Clock.Advance(period);
        var heartbeat = await live.NextOfTypeAsync("heartbeat");
        Assert.Equal(factory.Clock.GetUtcNow(), heartbeat["at"]!.GetValue<DateTimeOffset>());
        Assert.DoesNotContain(live.Received.SkipLast(1), m => m["type"]?.GetValue<string>() == "heartbeat");

        // Still idle: one every period, the heartbeat itself not counting as activity.
        factory.Clock.Advance(period);
        var next = await live.NextOfTypeAsync("heartbeat");
        Assert.Equal(factory.Clock.GetUtcNow(), next["at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_session_is_kept_for_the_resume_window_and_then_let_go()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var hub = factory.Services.GetRequiredService<LiveHub>();
        var caller = new Auth.Caller(tenant.Id, tenant.AdminKeyId, Contracts.Auth.ApiKeyRole.Admin, null);
        var window = TimeSpan.FromSeconds(hub.Options.ResumeWindowSeconds);

        var first = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await first.SubscribeAsync("agent:a1");
        var last = (await first.NextOfTypeAsync("snapshot", "agent:a1")).Number("seq");
        await first.DisposeAsync();
        await Until(() => Task.FromResult(hub.Find(first.Session, caller)?.DetachedAt is not null));

        factory.Clock.Advance(window - TimeSpan.FromSeconds(1));
        Assert.NotNull(hub.Find(first.Session, caller));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Until(() => Task.FromResult(hub.Find(first.Session, caller) is null));

        await using var second = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await second.SendAsync($$"""{"op":"subscribe","topics":["agent:a1"],"session":"{{first.Session}}","resumeFrom":{{last}}}""");
        Assert.Equal("session-expired", (await second.NextOfTypeAsync("resync")).Text("reason"));
    }

    [Fact]
    public async Task A_key_revoked_through_another_host_closes_the_socket_at_the_next_heartbeat()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (keyId, key) = await tenant.IssueKeyAsync("agent", "a1");
        await using var live = await LiveTestClient.ConnectAsync(factory, key);
        await live.SubscribeAsync("agent:a1");
        await live.NextOfTypeAsync("subscribed");

        // Revoked in the key store (as another API host does) and gone from this host's cache (its entry lapsed):
        // this host hears nothing; its next heartbeat checks the key.
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var revoked = await grains.GetGrain<Contracts.Auth.IApiKeyStoreGrain>(tenant.Id).Revoke(keyId, TestContext.Current.CancellationToken);
        factory.Services.GetRequiredService<Auth.ApiKeyAuthenticator>().Forget(revoked!.Hash);
        await live.SendAsync("""{"op":"ping"}""");
        await live.NextOfTypeAsync("pong");

        factory.Clock.Advance(TimeSpan.FromSeconds(live.Welcome["heartbeatSeconds"]!.GetValue<int>()));
        var (code, _) = await live.ExpectCloseAsync();
        Assert.Equal(LiveCloseCodes.KeyRevoked, code);
    }

    /// <summary>A ping answered: everything the server queued before it has been read.</summary>
    private static async Task Pong(LiveTestClient live)
    {
        await live.SendAsync("""{"op":"ping"}""");
        await live.NextOfTypeAsync("pong");
    }

    internal static async Task Until(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken); // one-way calls and socket closes land asynchronously
        }

        throw new TimeoutException("The condition did not hold in time.");
    }
}
