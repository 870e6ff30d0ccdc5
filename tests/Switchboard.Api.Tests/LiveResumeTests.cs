using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;

namespace Switchboard.Api.Tests;

/// <summary>Reconnecting with <c>resumeFrom</c>: exactly the missed messages, or a resync — never a silent gap.</summary>
public sealed class LiveResumeTests(SwitchboardApiFactory factory)
{
    [Fact]
    public async Task A_client_that_reconnects_gets_exactly_the_events_it_missed_in_order()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (keyId, key) = await tenant.IssueKeyAsync("agent", "a1");
        var first = await LiveTestClient.ConnectAsync(factory, key);
        await first.SubscribeAsync("agent:a1");
        var snapshot = await first.NextOfTypeAsync("snapshot", "agent:a1");
        await tenant.SetStateAsync("a1", "Available");
        var seen = await first.NextOfTypeAsync(LiveEventTypes.AgentStateChanged);
        var lastSeen = seen.Number("seq");
        Assert.Equal(snapshot.Number("seq") + 1, lastSeen);
        first.Abort();

        // Three changes while the client is away, buffered by its session.
        await tenant.SetStateAsync("a1", "Offline");
        await tenant.SetStateAsync("a1", "Break");
        await tenant.SetStateAsync("a1", "Available");
        var hub = factory.Services.GetRequiredService<LiveHub>();
        var caller = new Auth.Caller(tenant.Id, keyId, Contracts.Auth.ApiKeyRole.Agent, "a1");
        await LiveClockTests.Until(() => Task.FromResult(hub.Find(first.Session, caller)?.LastSeq == lastSeen + 3));

        await using var second = await LiveTestClient.ConnectAsync(factory, key);
        await second.SendAsync(Resume(first.Session, lastSeen, "agent:a1"));
        var resumed = await second.NextOfTypeAsync("resumed");
        Assert.Equal(lastSeen, resumed.Number("from"));
        Assert.Equal(lastSeen + 3, resumed.Number("to"));
        var replayed = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            replayed.Add(await second.NextOfTypeAsync(LiveEventTypes.AgentStateChanged));
        }

        Assert.Equal([lastSeen + 1, lastSeen + 2, lastSeen + 3], replayed.Select(m => m.Number("seq")));
        Assert.Equal(["Offline", "Break", "Available"], replayed.Select(m => m["data"]!.Text("state")));
        var subscribed = await second.NextOfTypeAsync("subscribed");
        Assert.Equal(["agent:a1"], subscribed.Strings("topics"));
        Assert.Equal(["welcome", "resumed", .. Enumerable.Repeat(LiveEventTypes.AgentStateChanged, 3), "subscribed"], second.Received.Select(m => m.Text("type")));

        // No new snapshot (the topic was already the session's), no resync, and the sequence goes on.
        Assert.DoesNotContain(second.Received, m => m["type"]?.GetValue<string>() is "snapshot" or "resync");
        await tenant.SetStateAsync("a1", "Offline");
        var next = await second.NextOfTypeAsync(LiveEventTypes.AgentStateChanged);
        Assert.Equal(lastSeen + 4, next.Number("seq"));
    }

    [Fact]
    public async Task An_unknown_session_or_a_sequence_never_sent_gets_a_resync_and_fresh_snapshots()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await using (var stranger = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey))
        {
            await stranger.SendAsync(Resume("s_0123456789abcdef0123456789abcdef", 41, "agent:a1"));
            var resync = await stranger.NextOfTypeAsync("resync");
            Assert.Equal("session-expired", resync.Text("reason"));
            var snapshot = await stranger.NextOfTypeAsync("snapshot", "agent:a1");
            Assert.True(snapshot.Number("seq") > resync.Number("seq"));
        }

        var first = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await first.SubscribeAsync("agent:a1");
        var last = (await first.NextOfTypeAsync("snapshot", "agent:a1")).Number("seq");
        first.Abort();
        await using var second = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await second.SendAsync(Resume(first.Session, last + 5, "agent:a1"));
        var gap = await second.NextOfTypeAsync("resync");
        Assert.Equal("resume-gap", gap.Text("reason"));
        Assert.Equal(last + 1, gap.Number("seq"));
        var fresh = await second.NextOfTypeAsync("snapshot", "agent:a1");
        Assert.Equal(last + 2, fresh.Number("seq"));
    }

    [Fact]
    public async Task Another_key_cannot_resume_a_session()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        var (_, supervisorKey) = await tenant.IssueKeyAsync("supervisor");
        var first = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await first.SubscribeAsync("agent:a1");
        var last = (await first.NextOfTypeAsync("snapshot", "agent:a1")).Number("seq");
        first.Abort();

        await using var other = await LiveTestClient.ConnectAsync(factory, supervisorKey);
        await other.SendAsync(Resume(first.Session, last, "agent:a1"));
        Assert.Equal("session-expired", (await other.NextOfTypeAsync("resync")).Text("reason"));
    }

    [Fact]
    public async Task Resuming_on_a_new_socket_closes_the_old_one_with_4002()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        await using var first = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await first.SubscribeAsync("agent:a1");
        var last = (await first.NextOfTypeAsync("snapshot", "agent:a1")).Number("seq");

        await using var second = await LiveTestClient.ConnectAsync(factory, tenant.AdminKey);
        await second.SendAsync(Resume(first.Session, last, "agent:a1"));
        await second.NextOfTypeAsync("resumed");
        var (code, _) = await first.ExpectCloseAsync();
        Assert.Equal(LiveCloseCodes.SessionTakenOver, code);

        await tenant.SetStateAsync("a1", "Available");
        Assert.Equal(last + 1, (await second.NextOfTypeAsync(LiveEventTypes.AgentStateChanged)).Number("seq"));
    }

    [Fact]
    public async Task A_client_further_behind_than_the_buffer_gets_a_resync()
    {
        await using var api = IsolatedApi.Create("Development", ("Live:ResumeBufferSize", "16"), ("Live:SendQueueLimit", "64"),
            ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey));
        var (tenantId, adminKey, adminKeyId) = await IsolatedApi.CreateTenantAsync(api);
        using var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        using (var created = await admin.SendJsonAsync(HttpMethod.Post, "/v1/agents", """{"id":"a1","displayName":"A"}"""))
        {
            Assert.True(created.IsSuccessStatusCode);
        }

        var first = await ConnectAsync(api, adminKey);
        await first.SubscribeAsync("agent:a1");
        var last = (await first.NextOfTypeAsync("snapshot", "agent:a1")).Number("seq");
        first.Abort();

        // 20 changes while away: more than the 16 the session keeps.
        for (var i = 0; i < 10; i++)
        {
            foreach (var state in new[] { "Available", "Offline" })
            {
                using var changed = await admin.SendJsonAsync(HttpMethod.Put, "/v1/agents/a1/state", $$"""{"state":"{{state}}"}""");
                Assert.True(changed.IsSuccessStatusCode);
            }
        }

        var hub = api.Services.GetRequiredService<LiveHub>();
        var caller = new Auth.Caller(tenantId, adminKeyId, Contracts.Auth.ApiKeyRole.Admin, null);
        await LiveClockTests.Until(() => Task.FromResult(hub.Find(first.Session, caller)?.LastSeq == last + 20));
        await using var second = await ConnectAsync(api, adminKey);
        await second.SendAsync(Resume(first.Session, last, "agent:a1"));
        var resync = await second.NextOfTypeAsync("resync");
        Assert.Equal("resume-gap", resync.Text("reason"));
        var fresh = await second.NextOfTypeAsync("snapshot", "agent:a1");
        Assert.Equal("Offline", fresh["data"]!.Text("state"));
        Assert.DoesNotContain(second.Received, m => m["type"]?.GetValue<string>() == "resumed");
        Assert.True(hub.SessionCount >= 1);
    }

    private static async Task<LiveTestClient> ConnectAsync(WebApplicationFactory<Program> api, string key)
    {
        var client = api.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + key;
        return await LiveTestClient.StartAsync(await client.ConnectAsync(new Uri("ws://localhost/v1/stream"), TestContext.Current.CancellationToken));
    }

    /// <summary>A subscribe that resumes <paramref name="session"/> after <paramref name="from"/>.</summary>
    internal static string Resume(string session, long from, params string[] topics) =>
        new JsonObject
        {
            ["op"] = "subscribe",
            ["topics"] = new JsonArray([.. topics.Select(t => (JsonNode)t)]),
            ["session"] = session,
            ["resumeFrom"] = from,
        }.ToJsonString();
}
