using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using Switchboard.Contracts;
using Switchboard.Contracts.Agents;
using Switchboard.Contracts.Live;
using Switchboard.Domain.Agents;

namespace Switchboard.Api.Tests;

/// <summary>The live WebSocket over TestServer: authentication, snapshot then events, topics and their authorization.</summary>
public sealed class LiveStreamTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task Opening_the_stream_needs_a_tenant_key_and_an_upgrade()
    {
        var tenant = await factory.CreateTenantAsync();
        using (var anonymous = factory.ClientWith(null))
        using (var response = await anonymous.GetResponseAsync("/v1/stream"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using (var badKey = factory.ClientWith("sk_" + tenant.Id + "_nope"))
        using (var response = await badKey.GetResponseAsync("/v1/stream"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var badQuery = factory.ClientWith(null))
        using (var response = await badQuery.GetResponseAsync("/v1/stream?access_token=nope"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var operatorKey = factory.ClientWith(SwitchboardApiFactory.OperatorKey))
        using (var response = await operatorKey.GetResponseAsync("/v1/stream"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using (var admin = tenant.Admin())
        using (var response = await admin.GetResponseAsync("/v1/stream"))
        {
            Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The query parameter is for the socket only: REST endpoints still need the header.
        using (var anonymous = factory.ClientWith(null))
        using (var response = await anonymous.GetResponseAsync($"/v1/agents?access_token={Uri.EscapeDataString(tenant.AdminKey)}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => LiveTestClient.ConnectAsync(factory, "sk_" + tenant.Id + "_nope"));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_gets_a_snapshot_then_each_change_in_order()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        var (_, key) = await tenant.IssueKeyAsync("agent", "a1");
        await using var live = await LiveTestClient.ConnectAsync(factory, key, keyInQuery: true);

        await live.SubscribeAsync("agent:a1");
        var snapshot = await live.NextOfTypeAsync("snapshot", "agent:a1");
        Assert.Equal(1, snapshot.Number("seq"));
        Assert.Equal("LoggedOut", snapshot["data"]!.Text("state"));
        Assert.Equal("Ada", snapshot["data"]!.Text("displayName"));
        var subscribed = await live.NextOfTypeAsync("subscribed");
        Assert.Equal(["agent:a1"], subscribed.Strings("topics"));

        await tenant.SetStateAsync("a1", "Available");
        await tenant.SetStateAsync("a1", "Offline");
        var first = await live.NextOfTypeAsync(LiveEventTypes.AgentStateChanged, "agent:a1");
        var second = await live.NextOfTypeAsync(LiveEventTypes.AgentStateChanged, "agent:a1");
        Assert.Equal((2L, "Available"), (first.Number("seq"), first["data"]!.Text("state")));
        Assert.Equal((3L, "Offline"), (second.Number("seq"), second["data"]!.Text("state")));
        Assert.True(second["data"]!.Number("version") > first["data"]!.Number("version"));
        Assert.Equal("supervisor", second["data"]!.Text("changedBy").ToLowerInvariant());
        Assert.NotNull(second["at"]);
    }

    [Fact]
    public async Task An_event_delivered_twice_by_its_stream_reaches_the_socket_once()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await live.SubscribeAsync("agent:a1");
        var snapshot = await live.NextOfTypeAsync("snapshot", "agent:a1");
        await live.NextOfTypeAsync("subscribed");

        // A queued stream delivers at least once: the same event (same id) may come again, here at once.
        var stream = factory.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Provider)
            .GetStream<LiveEvent<AgentChanged>>(StreamId.Create(LiveStreams.Agents, tenant.Id));
        var state = new AgentStateView(AgentState.LoggedOut, null, factory.Clock.GetUtcNow(), null, null, snapshot["data"]!.Number("version"));
        var renamed = new LiveEvent<AgentChanged>(Guid.NewGuid(), new AgentChanged("a1", "Ada L.", "sales", state, null, false, factory.Clock.GetUtcNow(), null, null, null, ProfileChanged: true, PreviousGroup: "sales"));
        await stream.OnNextAsync(renamed);
        await stream.OnNextAsync(renamed);
        var again = renamed with { Id = Guid.NewGuid(), Item = renamed.Item with { DisplayName = "Ada Lovelace" } };
        await stream.OnNextAsync(again);

        // Events of one stream arrive in order: once the last is here, a second copy of the first would be too.
        await live.NextAsync(m => m.Text("type") == LiveEventTypes.AgentStateChanged && m["data"]!.Text("displayName") == "Ada Lovelace", "the last rename");
        var names = live.Received.Where(m => m.Text("type") == LiveEventTypes.AgentStateChanged).Select(m => m["data"]!.Text("displayName"));
        Assert.Equal(["Ada L.", "Ada Lovelace"], names);
    }

    [Fact]
    public async Task A_state_change_that_comes_after_a_newer_one_is_not_sent()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        await using var first = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await first.SubscribeAsync("agent:a1");
        var version = (await first.NextOfTypeAsync("snapshot", "agent:a1"))["data"]!.Number("version");
        await first.NextOfTypeAsync("subscribed");
        var stream = factory.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Provider)
            .GetStream<LiveEvent<AgentChanged>>(StreamId.Create(LiveStreams.Agents, tenant.Id));
        LiveEvent<AgentChanged> Change(long at, AgentState state) => new(Guid.NewGuid(), new AgentChanged("a1", "Ada", "sales",
            new AgentStateView(state, null, factory.Clock.GetUtcNow(), null, null, at), null, false, factory.Clock.GetUtcNow(), StateActor.Agent, "a1", null));
        await stream.OnNextAsync(Change(version + 2, AgentState.Break));
        await first.NextAsync(m => m["data"]?["version"]?.GetValue<long>() == version + 2, "the newer change");

        // A console that subscribes now has a snapshot older than that change (these events never reached the grain);
        // then an event a killed silo had read comes again from its queue, late, and a newer one after it.
        await using var second = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await second.SubscribeAsync("agent:a1");
        await second.NextOfTypeAsync("subscribed");
        await stream.OnNextAsync(Change(version + 1, AgentState.Available));
        await stream.OnNextAsync(Change(version + 3, AgentState.Offline));

        // Events of one stream arrive in order: once the last is here, the late one would have been too.
        await second.NextAsync(m => m["data"]?["version"]?.GetValue<long>() == version + 3, "the newest change");
        await first.NextAsync(m => m["data"]?["version"]?.GetValue<long>() == version + 3, "the newest change");
        long[] Versions(LiveTestClient live) => [.. live.Received.Where(m => m.Text("type") == LiveEventTypes.AgentStateChanged).Select(m => m["data"]!.Number("version"))];
        Assert.Equal([version + 2, version + 3], Versions(first));
        Assert.Equal([version + 3], Versions(second));
    }

    [Fact]
    public async Task A_state_change_that_skips_versions_resyncs_the_console_before_it_is_sent()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1", "Ada", "sales");
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await live.SubscribeAsync("agent:a1");
        var version = (await live.NextOfTypeAsync("snapshot", "agent:a1"))["data"]!.Number("version");
        await live.NextOfTypeAsync("subscribed");
        var stream = factory.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Provider)
            .GetStream<LiveEvent<AgentChanged>>(StreamId.Create(LiveStreams.Agents, tenant.Id));
        LiveEvent<AgentChanged> Change(long at, AgentState state) => new(Guid.NewGuid(), new AgentChanged("a1", "Ada", "sales",
            new AgentStateView(state, null, factory.Clock.GetUtcNow(), null, null, at), null, false, factory.Clock.GetUtcNow(), StateActor.Agent, "a1", null));
        await stream.OnNextAsync(Change(version + 1, AgentState.Break));
        await live.NextAsync(m => m["data"]?["version"]?.GetValue<long>() == version + 1, "the next change");

        // Change version + 2 was lost on its way (a queue a killed silo had read): the console starts again from a snapshot.
        await stream.OnNextAsync(Change(version + 3, AgentState.Offline));
        var resync = await live.NextOfTypeAsync("resync");
        Assert.Equal("events-lost", resync.Text("reason"));
        await live.NextOfTypeAsync("snapshot", "agent:a1");
        var seen = live.Received.Select(m => m.Text("type") == "resync" ? -1 : m["data"]?["version"]?.GetValue<long>() ?? 0).ToList();
        Assert.DoesNotContain(version + 3, seen[..seen.IndexOf(-1)]);
    }

    [Fact]
    public async Task An_agent_key_may_follow_only_its_own_agent_interactions_and_queues()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        await using var live = await LiveTestClient.ConnectAsync(factory, center.Keys["a2"]);

        await live.SubscribeAsync("agent:a1", "interactions:a1", "queue:support", "agent:a2", "interactions:a2", "agent:nobody!", "weather");
        var subscribed = await live.NextOfTypeAsync("subscribed");
        Assert.Equal(["agent:a2", "interactions:a2"], subscribed.Strings("topics"));
        var denied = subscribed["denied"]!.AsArray().ToDictionary(d => d!.Text("topic"), d => d!.Text("code"));
        Assert.Equal("forbidden", denied["agent:a1"]);
        Assert.Equal("forbidden", denied["interactions:a1"]);
        Assert.Equal("forbidden", denied["queue:support"]);
        Assert.Equal("invalid-topic", denied["agent:nobody!"]);
        Assert.Equal("invalid-topic", denied["weather"]);

        // a1 is a member of support: its key may follow the queue; a supervisor may follow anyone.
        await using var member = await LiveTestClient.ConnectAsync(factory, center.Keys["a1"]);
        await member.SubscribeAsync("queue:support", "queue:empty");
        var memberSubscribed = await member.NextOfTypeAsync("subscribed");
        Assert.Equal(["queue:support"], memberSubscribed.Strings("topics"));

        var (_, supervisorKey) = await center.Tenant.IssueKeyAsync("supervisor");
        await using var supervisor = await LiveTestClient.ConnectAsync(factory, supervisorKey);
        await supervisor.SubscribeAsync("agent:a1", "interactions:a3", "queue:empty", "agent:ghost", "queue:ghost");
        var all = await supervisor.NextOfTypeAsync("subscribed");
        Assert.Equal(["agent:a1", "interactions:a3", "queue:empty"], all.Strings("topics"));
        Assert.All(all["denied"]!.AsArray(), d => Assert.Equal("not-found", d!.Text("code")));
    }

    [Fact]
    public async Task An_offer_reaches_the_agents_interactions_topic_and_updates_follow()
    {
        var center = await factory.CallCenterWithAgentKeysAsync();
        await using var live = await LiveTestClient.ConnectAsync(factory, center.Keys["a1"]);
        await live.SubscribeAsync("interactions:a1", "queue:support");
        var empty = await live.NextOfTypeAsync("snapshot", "interactions:a1");
        Assert.Empty(empty["data"]!["interactions"]!.AsArray());
        var stats = await live.NextOfTypeAsync("snapshot", "queue:support");
        Assert.Equal(0, stats["data"]!.Number("waiting"));

        using var admin = center.Tenant.Admin();
        var created = await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"));
        var id = created.Text("id");
        var offered = await live.NextOfTypeAsync(LiveEventTypes.InteractionOffered, "interactions:a1");
        Assert.Equal(id, offered["data"]!.Text("id"));
        Assert.Equal("a1", offered["data"]!["offer"]!.Text("agentId"));

        using var agent = factory.ClientWith(center.Keys["a1"]);
        await agent.ActOkAsync(id, "accept");
        var updated = await live.NextAsync(
            m => m["type"]?.GetValue<string>() == LiveEventTypes.InteractionUpdated && m["data"]?["state"]?.GetValue<string>() == "Connected",
            "the interaction connected");
        Assert.Equal("a1", updated["data"]!.Text("handler"));

        // A console that subscribes now sees the call in its snapshot.
        await using var later = await LiveTestClient.ConnectAsync(factory, center.Keys["a1"]);
        await later.SubscribeAsync("interactions:a1");
        var now = await later.NextOfTypeAsync("snapshot", "interactions:a1");
        Assert.Equal(id, Assert.Single(now["data"]!["interactions"]!.AsArray())!.Text("id"));
    }

    [Fact]
    public async Task Malformed_messages_get_errors_and_the_socket_goes_on()
    {
        var tenant = await factory.CreateTenantAsync();
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        string[] bad =
        [
            "not json",
            "[1,2]",
            """{"op":"dance"}""",
            """{"op":"subscribe"}""",
            """{"op":"subscribe","topics":"agent:a1"}""",
            """{"op":"subscribe","topics":[1]}""",
            """{"op":"subscribe","topics":[],"resumeFrom":-1,"session":"s"}""",
            """{"op":"subscribe","topics":[],"resumeFrom":3}""",
            """{"op":"subscribe","topics":[],"session":"s_1"}""",
            """{"op":"unsubscribe","topics":[],"resumeFrom":3,"session":"s_1"}""",
            "{\"op\":\"subscribe\",\"topics\":[" + string.Join(',', Enumerable.Repeat("\"platform\"", 201)) + "]}",
        ];
        foreach (var message in bad)
        {
            await live.SendAsync(message);
            var error = await live.NextOfTypeAsync("error");
            Assert.False(string.IsNullOrEmpty(error.Text("code")), message);
            Assert.False(string.IsNullOrEmpty(error.Text("detail")), message);
        }

        await live.Socket.SendAsync(new byte[] { 1, 2, 3 }, System.Net.WebSockets.WebSocketMessageType.Binary, true, TestContext.Current.CancellationToken);
        await live.NextOfTypeAsync("error");

        await live.SendAsync("""{"op":"ping"}""");
        await live.NextOfTypeAsync("pong");
    }

    [Fact]
    public async Task A_message_over_the_limit_closes_the_socket_with_1009()
    {
        var tenant = await factory.CreateTenantAsync();
        await using var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await live.SendAsync("{\"op\":\"ping\",\"pad\":\"" + new string('x', 20_000) + "\"}");
        var (code, _) = await live.ExpectCloseAsync();
        Assert.Equal(LiveCloseCodes.MessageTooBig, code);
    }

    [Fact]
    public async Task A_revoked_key_closes_its_open_socket_with_4001()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (keyId, key) = await tenant.IssueKeyAsync("agent", "a1");
        await using var live = await LiveTestClient.ConnectAsync(factory, key);
        await live.SubscribeAsync("agent:a1");
        await live.NextOfTypeAsync("subscribed");

        using var admin = tenant.Admin();
        using (var revoked = await admin.DeleteResponseAsync($"/v1/api-keys/{keyId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        var (code, reason) = await live.ExpectCloseAsync();
        Assert.Equal(LiveCloseCodes.KeyRevoked, code);
        Assert.Contains("revoked", reason, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => LiveTestClient.ConnectAsync(factory, key));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sockets_share_one_stream_subscription_per_tenant_stream_and_release_it()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await tenant.CreateAgentAsync("a2");
        var feeds = factory.Services.GetRequiredService<LiveFeeds>();
        var hub = factory.Services.GetRequiredService<LiveHub>();
        var feed = feeds.For(LiveStreams.Agents, tenant.Id);
        Assert.False(feed.Subscribed);

        var sockets = new List<LiveTestClient>();
        for (var i = 0; i < 5; i++)
        {
            var live = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
            await live.SubscribeAsync("agent:a1", "agent:a2");
            await live.NextOfTypeAsync("subscribed");
            sockets.Add(live);
        }

        Assert.True(feed.Subscribed);
        Assert.Equal(10, feed.SinkCount);

        // Every socket gets the event from the one subscription.
        await tenant.SetStateAsync("a2", "Available");
        foreach (var live in sockets)
        {
            await live.NextOfTypeAsync(LiveEventTypes.AgentStateChanged, "agent:a2");
        }

        // Unsubscribing and ending the sessions lets the subscription go.
        await sockets[0].SendAsync("""{"op":"unsubscribe","topics":["agent:a1"]}""");
        Assert.Equal(["agent:a1"], (await sockets[0].NextOfTypeAsync("unsubscribed")).Strings("topics"));
        Assert.Equal(9, feed.SinkCount);
        var sessions = sockets.Select(s => s.Session).ToList();
        foreach (var live in sockets)
        {
            await live.DisposeAsync();
        }

        foreach (var id in sessions)
        {
            var session = await Until(() => hub.Find(id, Caller(tenant)), s => s is null || s.DetachedAt is not null);
            if (session is not null)
            {
                await hub.End(session);
            }
        }

        Assert.Equal(0, feed.SinkCount);
        Assert.False(feed.Subscribed);
    }

    [Fact]
    public async Task A_key_holds_a_bounded_number_of_sessions_and_a_waiting_one_makes_room()
    {
        var tenant = await factory.CreateTenantAsync();
        var hub = factory.Services.GetRequiredService<LiveHub>();
        var limit = hub.Options.MaxSessionsPerKey;
        var sockets = new List<LiveTestClient>();
        try
        {
            for (var i = 0; i < limit; i++)
            {
                sockets.Add(await LiveTestClient.ConnectAsync(factory, tenant.AdminKey));
            }

            var refused = await Assert.ThrowsAnyAsync<Exception>(() => LiveTestClient.ConnectAsync(factory, tenant.AdminKey));
            Assert.Contains("429", refused.Message, StringComparison.Ordinal);

            // One socket closes: its session waits for a resume, and is the one let go for a new socket.
            var dropped = sockets[0];
            sockets.RemoveAt(0);
            await dropped.DisposeAsync();
            await Until(() => hub.Find(dropped.Session, Caller(tenant)), s => s?.DetachedAt is not null);
            sockets.Add(await LiveTestClient.ConnectAsync(factory, tenant.AdminKey));
            Assert.Null(hub.Find(dropped.Session, Caller(tenant)));
        }
        finally
        {
            foreach (var live in sockets)
            {
                await live.DisposeAsync();
            }
        }
    }

    private static Auth.Caller Caller(TestTenant tenant) => new(tenant.Id, tenant.AdminKeyId, Contracts.Auth.ApiKeyRole.Admin, null);

    private static async Task<T> Until<T>(Func<T> read, Func<T, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken); // the session detaches when the server sees the close
        }

        throw new TimeoutException("The condition did not hold in time.");
    }
}
