using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Api.Live;
using Switchboard.Api.Tests.Support;
using Switchboard.TestSupport;

namespace Switchboard.Api.Tests;

/// <summary>
/// Webhooks end to end against a real receiver on 127.0.0.1: events arrive signed (the StandardWebhooks package verifies
/// them, and so does an HMAC computed here), failures are retried with the same event id until delivered and every
/// attempt shows in the deliveries; 410 and disabling stop deliveries; redelivery, secret rotation, and who may do what.
/// In the clock collection: retries wait on the business clock, which the tests move.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class WebhookTests(SwitchboardApiFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agent_state_change_is_delivered_signed_and_a_failed_attempt_is_retried_with_the_same_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var (webhookId, secret) = await RegisterAsync(admin, receiver.Url("crm"), "agent.state_changed");
        await tenant.CreateAgentAsync("a1");
        await receiver.NextAsync(w => w.Json["data"]!.Text("state") == "LoggedOut", "the new agent's first state", Ct);
        await WaitForDeliveryAsync(admin, webhookId, d => d.Text("status") == "delivered");

        receiver.Answer("crm", 503);
        await tenant.SetStateAsync("a1", "Available");
        var first = await receiver.NextAsync(w => w.Type == "agent.state_changed", "agent.state_changed", Ct);
        Assert.True(first.VerifiesWith(secret), "the StandardWebhooks verifier refused the signature");
        Assert.Equal(Hmac(secret, first), first.Signature);
        Assert.StartsWith("evt_", first.Id, StringComparison.Ordinal);
        var json = first.Json;
        Assert.Equal(["type", "timestamp", "data"], json.AsObject().Select(p => p.Key));
        Assert.Equal(("a1", "Available"), (json["data"]!.Text("agentId"), json["data"]!.Text("state")));
        Assert.Equal("application/json; charset=utf-8", first.Headers.ContentType.ToString());

        // The 503 is in the deliveries, with when it is tried next.
        var failed = await WaitForDeliveryAsync(admin, webhookId, d => d.Number("attempts") == 1);
        Assert.Equal(("pending", 503L, "answered 503"), (failed.Text("status"), failed.Number("lastStatusCode"), failed.Text("lastResponseBody")));
        Assert.Equal(first.Id, failed.Text("eventId"));
        var next = failed.Time("nextAttemptAt");
        Assert.InRange(next - failed.Time("lastAttemptAt"), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));

        // Nothing is sent again before then; at that time it is, with the same id, and it is delivered.
        factory.Clock.Advance(next - factory.Clock.GetUtcNow());
        var again = await receiver.NextAsync(w => w.Id == first.Id, "the retry", Ct);
        Assert.True(again.VerifiesWith(secret));
        var delivered = await WaitForDeliveryAsync(admin, webhookId, d => d.Text("status") == "delivered");
        Assert.Equal((2L, 200L), (delivered.Number("attempts"), delivered.Number("lastStatusCode")));
        Assert.Null(delivered["nextAttemptAt"]);
        Assert.Equal(0, (await admin.GetOkJsonAsync($"/v1/webhooks/{webhookId}")).Number("pending"));
    }

    [Fact]
    public async Task A_call_and_a_case_are_told_in_the_types_an_endpoint_asked_for_only()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var tenant = await factory.CreateCallCenterAsync("support", codeRequired: false, "a1");
        using var admin = tenant.Admin();
        await RegisterAsync(admin, receiver.Url("calls"), "interaction.*");
        await RegisterAsync(admin, receiver.Url("cases"), "crm.case.updated");

        var call = (await admin.CreateInteractionAsync(InteractionTestExtensions.Inbound("support"))).Text("id");
        await admin.WaitForOfferAsync(call, "a1");
        await admin.ActAsAsync("a1", call, "accept");
        await admin.ActAsAsync("a1", call, "end");
        // Up to four deliveries are in flight to an endpoint at once: they may arrive in any order.
        foreach (var type in new[] { "interaction.created", "interaction.offered", "interaction.updated", "interaction.ended" })
        {
            if (!receiver.All.Any(w => w.Path == "/calls" && w.Type == type))
            {
                await receiver.NextAsync(w => w.Path == "/calls" && w.Type == type, type, Ct);
            }
        }

        var ended = receiver.All.Single(w => w.Path == "/calls" && w.Type == "interaction.ended");
        Assert.Equal((call, "WrappedUp"), (ended.Json["data"]!.Text("id"), ended.Json["data"]!.Text("state"))); // no code to give: over at once
        Assert.Equal(receiver.All.Count(w => w.Path == "/calls"), receiver.All.Where(w => w.Path == "/calls").Select(w => w.Id).Distinct().Count());

        await admin.PostAsync("/v1/crm/customers", """{"id":"maria","name":"Maria Rossi"}""", HttpStatusCode.Created);
        await admin.PostAsync("/v1/crm/cases", """{"subject":"Ordine","customerId":"maria"}""", HttpStatusCode.Created);
        using (var patched = await admin.SendJsonAsync(HttpMethod.Patch, "/v1/crm/cases/1", """{"status":"solved"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        var updated = await receiver.NextAsync(w => w.Path == "/cases", "crm.case.updated", Ct);
        Assert.Equal(("crm.case.updated", "1", "solved"), (updated.Type, updated.Json["data"]!.Text("id"), updated.Json["data"]!.Text("status")));
        Assert.DoesNotContain(receiver.All, w => w.Path == "/cases" && w.Type != "crm.case.updated");
        Assert.DoesNotContain(receiver.All, w => w.Path == "/calls" && !w.Type.StartsWith("interaction.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_endpoint_is_sent_nothing_410_disables_it_and_a_delivery_can_be_sent_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var (webhookId, _) = await RegisterAsync(admin, receiver.Url("hook"), "agent.state_changed");
        await tenant.CreateAgentAsync("a1");
        var delivered = await receiver.NextAsync(_ => true, "the new agent's first state", Ct);
        await WaitForDeliveryAsync(admin, webhookId, d => d.Text("status") == "delivered");

        // Sent again by hand: the same event id.
        using (var redeliver = await admin.SendJsonAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/deliveries/1/redeliver", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        }

        Assert.Equal(delivered.Id, (await receiver.NextAsync(_ => true, "the redelivery", Ct)).Id);

        // Disabled: the next change is not sent (nor kept); a 410 disables it by itself.
        var disabled = await PatchOkAsync(admin, webhookId, """{"enabled":false}""");
        Assert.Equal((false, "disabled by an API key"), (disabled["enabled"]!.GetValue<bool>(), disabled.Text("disabledReason")));
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await tenant.SetStateAsync("a1", "Break");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var enabled = await PatchOkAsync(admin, webhookId, """{"enabled":true}""");
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(enabled["disabledReason"]);
        receiver.Answer("hook", 410);
        await tenant.SetStateAsync("a1", "Available");
        var gone = await receiver.NextAsync(_ => true, "the change after enabling", Ct);
        Assert.Equal("Available", gone.Json["data"]!.Text("state"));
        var after = await admin.WaitForJsonAsync($"/v1/webhooks/{webhookId}", w => !w["enabled"]!.GetValue<bool>(), "disabled by the 410");
        Assert.Contains("410", after.Text("disabledReason"), StringComparison.Ordinal);
        await tenant.SetStateAsync("a1", "Break");
        Assert.Equal(2, (await admin.GetOkJsonAsync($"/v1/webhooks/{webhookId}/deliveries")).Items().Count);
        Assert.Equal(["LoggedOut", "LoggedOut", "Available"], receiver.All.Select(w => w.Json["data"]!.Text("state"))); // never Break
    }

    [Fact]
    public async Task Admins_are_alerted_when_switchboard_disables_an_endpoint_live_and_in_the_snapshot_while_it_stays_disabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var (webhookId, _) = await RegisterAsync(admin, receiver.Url("gone"), "agent.state_changed");
        await using var adminLive = await AlertsSocketAsync(tenant.AdminKey);
        Assert.Empty(adminLive.Snapshot["alerts"]!.AsArray());
        await using var supervisorLive = await AlertsSocketAsync((await tenant.IssueKeyAsync("supervisor")).Key);
        Assert.Null(supervisorLive.Snapshot["alerts"]);

        receiver.Answer("gone", 410);
        await tenant.CreateAgentAsync("a1");

        var alert = (await adminLive.Live.NextOfTypeAsync(LiveEventTypes.AlertReceived, "alerts"))["data"]!;
        Assert.Equal(("webhook", webhookId, "system"), (alert.Text("kind"), alert.Text("webhookId"), alert.Text("sentBy")));
        Assert.True(alert["audience"]!["admins"]!.GetValue<bool>());
        Assert.Contains(receiver.Url("gone"), alert.Text("text"), StringComparison.Ordinal);
        Assert.Contains("410", alert.Text("text"), StringComparison.Ordinal);

        // Supervisors do not manage webhooks: the next alert they (and admins) hear is a broadcast.
        using (var sent = await admin.SendJsonAsync(HttpMethod.Post, "/v1/broadcasts", """{"text":"Hi","audience":{"all":true}}"""))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        Assert.Equal("broadcast", (await supervisorLive.Live.NextOfTypeAsync(LiveEventTypes.AlertReceived, "alerts"))["data"]!.Text("kind"));
        Assert.Equal("broadcast", (await adminLive.Live.NextOfTypeAsync(LiveEventTypes.AlertReceived, "alerts"))["data"]!.Text("kind"));

        // A key that manages webhooks and connects later finds it in the snapshot, as long as the endpoint stays disabled.
        await using (var integrationLive = await AlertsSocketAsync((await tenant.IssueKeyAsync("integration")).Key))
        {
            var held = Assert.Single(integrationLive.Snapshot["alerts"]!.AsArray())!;
            Assert.Equal((alert.Text("id"), "webhook"), (held.Text("id"), held.Text("kind")));
            Assert.Single(integrationLive.Snapshot["broadcasts"]!.AsArray());
        }

        await PatchOkAsync(admin, webhookId, """{"enabled":true}""");
        await using (var later = await AlertsSocketAsync(tenant.AdminKey))
        {
            Assert.Empty(later.Snapshot["alerts"]!.AsArray());
        }

        // Disabled by a key: that key's own doing, nobody is alerted.
        await PatchOkAsync(admin, webhookId, """{"enabled":false}""");
        await using (var later = await AlertsSocketAsync(tenant.AdminKey))
        {
            Assert.Empty(later.Snapshot["alerts"]!.AsArray());
        }
    }

    [Fact]
    public async Task A_rotated_secret_signs_with_the_old_one_until_the_grace_period_ends()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var (webhookId, oldSecret) = await RegisterAsync(admin, receiver.Url("hook"), "agent.*");
        await tenant.CreateAgentAsync("a1");
        Assert.True((await receiver.NextAsync(_ => true, "the new agent's first state", Ct)).VerifiesWith(oldSecret));
        using var rotate = await admin.SendJsonAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/rotate-secret", null);
        var rotated = await rotate.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var newSecret = rotated.Text("secret");
        Assert.NotEqual(oldSecret, newSecret);
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(24), rotated["webhook"]!.Time("secretsExpireAt"));

        await tenant.SetStateAsync("a1", "Available");
        var during = await receiver.NextAsync(w => w.Json["data"]!.Text("state") == "Available", "a change during the grace period", Ct);
        // Each secret's signature (the new one first, and again last: C# verifiers derived from Svix's skip the last one).
        Assert.Equal([Hmac(newSecret, during), Hmac(oldSecret, during), Hmac(newSecret, during)], during.Signature.Split(' '));
        Assert.True(during.VerifiesWith(newSecret), "the new secret");
        Assert.True(during.VerifiesWith(oldSecret), "the old secret");

        factory.Clock.Advance(TimeSpan.FromHours(24));
        await tenant.SetStateAsync("a1", "Break");
        var after = await receiver.NextAsync(w => w.Json["data"]!.Text("state") == "Break", "a change after it", Ct);
        Assert.True(after.VerifiesWith(newSecret));
        Assert.False(after.VerifiesWith(oldSecret));
        Assert.Null((await admin.GetOkJsonAsync($"/v1/webhooks/{webhookId}"))["secretsExpireAt"]);
    }

    [Fact]
    public async Task Endpoints_are_listed_changed_and_deleted_and_only_admin_and_integration_keys_manage_them()
    {
        var tenant = await factory.CreateTenantAsync();
        await tenant.CreateAgentAsync("a1");
        using var admin = tenant.Admin();
        var (first, _) = await RegisterAsync(admin, "http://127.0.0.1:9/one", "interaction.*");
        var (_, integrationKey) = await tenant.IssueKeyAsync("integration");
        using var integration = factory.ClientWith(integrationKey);
        var (second, _) = await RegisterAsync(integration, "http://127.0.0.1:9/two", "*");
        Assert.Equal([first, second], (await admin.GetOkJsonAsync("/v1/webhooks")).Items().Select(w => w!.Text("id")));

        var changed = await PatchOkAsync(admin, first, """{"events":["crm.*","agent.state_changed"],"description":"CRM"}""");
        Assert.Equal(("crm.* agent.state_changed", "CRM"), (string.Join(' ', changed.Strings("events")), changed.Text("description")));
        Assert.Null((await PatchOkAsync(admin, first, """{"description":""}"""))["description"]);

        using (var deleted = await integration.DeleteAsync($"/v1/webhooks/{second}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Equal([first], (await admin.GetOkJsonAsync("/v1/webhooks")).Items().Select(w => w!.Text("id")));
        foreach (var role in new[] { "supervisor", "agent" })
        {
            var (_, key) = await tenant.IssueKeyAsync(role, role == "agent" ? "a1" : null);
            using var client = factory.ClientWith(key);
            using var refused = await client.SendJsonAsync(HttpMethod.Post, "/v1/webhooks", """{"url":"http://127.0.0.1:9/x","events":["*"]}""");
            await Problem.AssertAsync(refused, HttpStatusCode.Forbidden);
            using var listed = await client.GetAsync("/v1/webhooks", TestContext.Current.CancellationToken);
            await Problem.AssertAsync(listed, HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData("""{"url":"http://127.0.0.1:9/x"}""", "events")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","events":[]}""", "events")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","events":["interaction.craeted"]}""", "events")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","events":["interaction"]}""", "events")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","events":[null]}""", "events")]
    [InlineData("""{"events":["*"]}""", "url")]
    [InlineData("""{"url":"ftp://127.0.0.1/x","events":["*"]}""", "url")]
    [InlineData("""{"url":"/hooks","events":["*"]}""", "url")]
    [InlineData("""{"url":"http://user:pw@127.0.0.1:9/x","events":["*"]}""", "url")]
    [InlineData("""{"url":"http://127.0.0.1:9/x","events":["*"],"description":"a\u0000b"}""", "description")]
    public async Task Bad_endpoints_are_refused_naming_the_field(string json, string field)
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        using var response = await admin.SendJsonAsync(HttpMethod.Post, "/v1/webhooks", json);
        Problem.AssertFields(await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity), field);
        Assert.Empty((await admin.GetOkJsonAsync("/v1/webhooks")).Items());
    }

    [Theory]
    [InlineData("POST", """{"url":"http://127.0.0.1:9/x","events":["*"],"secret":"whsec_mine"}""")] // a caller may not choose the secret
    [InlineData("POST", """{"url":"http://127.0.0.1:9/x","events":["*"],"Enabled":false}""")]
    [InlineData("PATCH", """{"enabled":false,"pending":0}""")]
    [InlineData("PATCH", """{"url":"http://127.0.0.1:9/y","events":"*"}""")]
    public async Task Unknown_or_mistyped_fields_are_refused_with_400_and_change_nothing(string method, string json)
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        var (webhookId, _) = await RegisterAsync(admin, receiver.Url("hook"), "agent.*");
        var before = await admin.GetOkJsonAsync($"/v1/webhooks/{webhookId}");

        using var response = method == "POST"
            ? await admin.SendJsonAsync(HttpMethod.Post, "/v1/webhooks", json)
            : await admin.SendJsonAsync(HttpMethod.Patch, $"/v1/webhooks/{webhookId}", json);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Single((await admin.GetOkJsonAsync("/v1/webhooks")).Items());
        Assert.True(JsonNode.DeepEquals(before, await admin.GetOkJsonAsync($"/v1/webhooks/{webhookId}")));
    }

    [Fact]
    public async Task A_tenant_has_at_most_twenty_endpoints_and_unknown_ones_are_404()
    {
        var tenant = await factory.CreateTenantAsync();
        using var admin = tenant.Admin();
        for (var i = 0; i < 20; i++)
        {
            await RegisterAsync(admin, $"http://127.0.0.1:9/{i}", "*");
        }

        using (var full = await admin.SendJsonAsync(HttpMethod.Post, "/v1/webhooks", """{"url":"http://127.0.0.1:9/x","events":["*"]}"""))
        {
            await Problem.AssertAsync(full, HttpStatusCode.Conflict);
        }

        Assert.Equal(20, (await admin.GetOkJsonAsync("/v1/webhooks")).Items().Count);
        foreach (var (method, url) in new[] { ("GET", "/v1/webhooks/wh_none"), ("PATCH", "/v1/webhooks/wh_none"), ("DELETE", "/v1/webhooks/wh_none"),
            ("POST", "/v1/webhooks/wh_none/rotate-secret"), ("GET", "/v1/webhooks/wh_none/deliveries"), ("POST", "/v1/webhooks/wh_none/deliveries/1/redeliver") })
        {
            using var missing = await admin.SendJsonAsync(new HttpMethod(method), url, method == "PATCH" ? """{"enabled":true}""" : null);
            await Problem.AssertAsync(missing, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Outside_development_endpoints_must_be_https_on_public_addresses()
    {
        await using var api = IsolatedApi.Create("Production", ("Auth:OperatorKey", SwitchboardApiFactory.OperatorKey), ("Auth:DevAdminKey", ""));
        var (_, adminKey, _) = await IsolatedApi.CreateTenantAsync(api);
        using var admin = api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        foreach (var url in new[]
        {
            "http://crm.example/hooks", "https://127.0.0.1/x", "https://localhost/x", "https://api.localhost/x", "https://10.1.2.3/x", "https://172.16.0.1/x",
            "https://192.168.1.1/x", "https://169.254.169.254/latest/meta-data", "https://[::1]/x", "https://[fd00::1]/x", "https://[fe80::1]/x",
            "https://[::ffff:10.0.0.1]/x", "https://0.0.0.0/x", "https://100.64.0.1/x",
        })
        {
            using var refused = await admin.SendJsonAsync(HttpMethod.Post, "/v1/webhooks", new JsonObject { ["url"] = url, ["events"] = new JsonArray("*") }.ToJsonString());
            Problem.AssertFields(await Problem.AssertAsync(refused, HttpStatusCode.UnprocessableEntity), "url");
        }

        using var accepted = await admin.SendJsonAsync(HttpMethod.Post, "/v1/webhooks", """{"url":"https://crm.example/hooks","events":["*"]}""");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    /// <summary>Registers an endpoint (201 checked): its id and signing secret.</summary>
    /// <summary>A socket following <c>alerts</c> with <paramref name="key"/>, and the topic's snapshot data.</summary>
    private async Task<AlertsSocket> AlertsSocketAsync(string key)
    {
        var live = await LiveTestClient.ConnectAsync(factory, key);
        await live.SubscribeAsync("alerts");
        return new AlertsSocket(live, (await live.NextOfTypeAsync("snapshot", "alerts"))["data"]!);
    }

    private sealed record AlertsSocket(LiveTestClient Live, JsonNode Snapshot) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Live.DisposeAsync();
    }

    private static async Task<(string Id, string Secret)> RegisterAsync(HttpClient client, string url, params string[] events)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Post, "/v1/webhooks",
            new JsonObject { ["url"] = url, ["events"] = new JsonArray([.. events.Select(e => (JsonNode)e)]) }.ToJsonString());
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        var webhook = body["webhook"]!;
        Assert.Equal($"/v1/webhooks/{webhook.Text("id")}", response.Headers.Location?.OriginalString);
        Assert.StartsWith("whsec_", body.Text("secret"), StringComparison.Ordinal);
        return (webhook.Text("id"), body.Text("secret"));
    }

    private static async Task<JsonNode> PatchOkAsync(HttpClient client, string webhookId, string json)
    {
        using var response = await client.SendJsonAsync(HttpMethod.Patch, $"/v1/webhooks/{webhookId}", json);
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>The newest delivery once it matches (the sender reports each attempt a moment after it is answered).</summary>
    private static async Task<JsonNode> WaitForDeliveryAsync(HttpClient client, string webhookId, Func<JsonNode, bool> condition) =>
        (await client.WaitForJsonAsync($"/v1/webhooks/{webhookId}/deliveries", page => page.Items().Count > 0 && condition(page.Items()[0]!), "the delivery"))
            .Items()[0]!;

    /// <summary>The signature computed here, independently of the server: v1, base64 HMAC-SHA256 of id.timestamp.body.</summary>
    private static string Hmac(string secret, ReceivedWebhook webhook)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
